package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.simulate.SimulationSpec;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void the_bench_simulates_statements_without_receipt_files_and_enough_rows_for_the_size() {
        SimulationSpec spec = BenchCommand.plan(100_000, null, 42);

        // the bench reads only the statements; receipt files would be written, and written back, for nothing
        assertThat(spec.receipts()).isFalse();
        assertThat(spec.pdfs()).isFalse();
        assertThat(spec.seed()).isEqualTo(42);
        assertThat((long) spec.companies() * spec.months() * BenchCommand.TRANSACTIONS_PER_COMPANY_MONTH)
                .isGreaterThanOrEqualTo(100_000);
    }
}

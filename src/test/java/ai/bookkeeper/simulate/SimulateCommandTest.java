package ai.bookkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    @Test
    void simulate_writes_the_companies_asked_for_and_prints_a_line_for_each_and_the_totals(@TempDir Path dir)
            throws Exception {
        int status = new SimulateCommand().run(List.of("--out", dir.toString(), "--seed", "7", "--companies=3",
                "--months", "2", "--start", "2024-11", "--no-pdf"), out, out);

        assertThat(status).isZero();
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("hamilton_coffee_co").contains("Hamilton Coffee Co. (RETAIL)",
                "transactions", "receipts");
        assertThat(lines.get(3)).startsWith("Total: 3 companies,").contains("seed 7", "2 months from 2024-11");
        assertThat(Trees.list(SimulationLayout.csvDir(dir, "liberty_childcare_center"), "*.csv"))
                .extracting(p -> p.getFileName().toString()).containsExactly("bank_202411.csv", "bank_202412.csv");
    }

    @Test
    void no_receipts_writes_the_statements_and_reports_no_receipts(@TempDir Path dir) throws Exception {
        int status = new SimulateCommand().run(List.of("--out", dir.toString(), "--companies", "1", "--months", "2",
                "--no-receipts"), out, out);

        assertThat(status).isZero();
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("0 receipts (0 PDF)");
        assertThat(Trees.list(SimulationLayout.csvDir(dir, "hamilton_coffee_co"), "*.csv")).hasSize(2);
        assertThat(SimulationLayout.docsDir(dir, "hamilton_coffee_co")).doesNotExist();
    }

    @Test
    void a_wrong_option_is_a_usage_error_that_shows_the_right_ones() {
        assertThatThrownBy(() -> new SimulateCommand().run(List.of("--compnies", "3"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option '--compnies'")
                .hasMessageContaining("--companies N");
        assertThatThrownBy(() -> new SimulateCommand().run(List.of("--start", "January"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> new SimulateCommand().run(List.of("--months", "0"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("between 1 and 120");
        assertThatThrownBy(() -> new SimulateCommand().run(List.of("--seed"), out, out))
                .isInstanceOf(UsageException.class).hasMessageContaining("--seed needs a value");
    }
}

package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import job processes the transactions of the company's open imports, not its whole history, and an import stays
 * open until its transactions have been through the pipeline, so that nothing a crashed job imported is left behind.
 */
class OpenImportsIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Statements statements;
    @Autowired BankTransactions bankTransactions;
    @Autowired Pipeline pipeline;

    @TempDir Path dir;

    @Test
    void a_job_takes_up_only_the_import_it_made_once_earlier_imports_are_processed() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        ImportReport march = importMonth(owner, "03", 12);
        Pipeline.Processed first = pipeline.processImports(owner);
        assertThat(first.transactions()).hasSize(12).allMatch(t -> t.batch().equals(march.batch()));
        assertThat(first.outcome().transactions()).isEqualTo(12);
        assertThat(bankTransactions.openImports(owner)).isEmpty();

        ImportReport april = importMonth(owner, "04", 5);
        assertThat(bankTransactions.openImports(owner)).containsExactly(april.batch());
        Pipeline.Processed second = pipeline.processImports(owner);

        assertThat(second.transactions()).hasSize(5).allMatch(t -> t.batch().equals(april.batch()));
        assertThat(second.outcome().proposed() + second.outcome().transfers()).isEqualTo(5);
        assertThat(bankTransactions.openImports(owner)).isEmpty();
        assertThat(pipeline.processImports(owner).transactions()).isEmpty();
    }

    @Test
    void an_import_a_crashed_job_never_processed_is_processed_by_the_next_job() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        ImportReport march = importMonth(owner, "03", 7); // the job stopped here, before the pipeline
        ImportReport april = importMonth(owner, "04", 4);

        assertThat(bankTransactions.openImports(owner)).containsExactly(march.batch(), april.batch());
        Pipeline.Processed processed = pipeline.processImports(owner);

        assertThat(processed.transactions()).extracting(BankTransaction::batch)
                .containsOnly(march.batch(), april.batch()).hasSize(11);
        assertThat(processed.outcome().proposed()).isEqualTo(11);
        assertThat(bankTransactions.openImports(owner)).isEmpty();
    }

    @Test
    void a_job_that_stopped_after_processing_but_before_closing_proposes_nothing_twice_when_repeated() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        ImportReport march = importMonth(owner, "03", 6);
        List<BankTransaction> imported = bankTransactions.transactions(owner, TransactionFilter.all().batch(march.batch()));
        assertThat(pipeline.process(owner, imported).proposed()).isEqualTo(6); // then it stopped: the import is open

        Pipeline.Processed repeated = pipeline.processImports(owner);

        assertThat(repeated.transactions()).isEmpty();
        assertThat(repeated.outcome().proposed()).isZero();
        assertThat(bankTransactions.openImports(owner)).isEmpty();
    }

    private ImportReport importMonth(CompanyAccess owner, String month, int lines) throws Exception {
        StringBuilder csv = new StringBuilder("Date,Description,Amount,Balance,Account\n");
        for (int i = 0; i < lines; i++) {
            csv.append(month).append('/').append(String.format("%02d", i + 1)).append("/2026,QXZ VENDOR ").append(month)
                    .append('-').append(i).append(",-").append(10 + i).append(".00,,CHK-4821\n");
        }
        Path file = Files.writeString(dir.resolve("statement-" + month + ".csv"), csv, StandardCharsets.UTF_8);
        ImportReport report = statements.importFile(owner, file, ImportOptions.defaults());
        assertThat(report.ok()).as(report.summary()).isTrue();
        return report;
    }
}

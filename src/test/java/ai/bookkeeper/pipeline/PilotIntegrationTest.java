package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.cli.Commands;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's main command, end to end, twice: the second run must change nothing in the books. */
class PilotIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Commands commands;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;

    @Test
    void the_pilot_books_five_companies_without_errors_and_a_second_run_adds_nothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path reports = dir.resolve("reports");
        assertThat(pilot(data, reports)).isZero();

        JsonNode metrics = JsonMapper.builder().build().readTree(reports.resolve("simulation_metrics.json").toFile());
        assertThat(metrics.path("companies")).hasSize(5);
        for (JsonNode company : metrics.path("companies")) {
            assertThat(company.path("errors")).as("errors of %s", company.path("company_name")).isEmpty();
            assertThat(company.path("trial_balance_zero").asBoolean()).isTrue();
            assertThat(company.path("balance_sheet_balances").asBoolean()).isTrue();
            assertThat(company.path("balance_check_differences").asLong()).isZero();
            assertThat(company.path("transactions_ingested").asLong()).isGreaterThan(250);
        }
        JsonNode totals = metrics.path("totals");
        assertThat(totals.path("auto_approval_rate").asDouble()).isGreaterThanOrEqualTo(0.80);
        assertThat(totals.path("auto_approval_precision").asDouble()).isGreaterThanOrEqualTo(0.98);
        assertThat(Files.readString(reports.resolve("pilot_metrics.md"))).contains("| **Total** |", "automation_by_month.png");
        assertThat(Files.size(reports.resolve("automation_by_month.png"))).isGreaterThan(1000);
        List<String> feedback = Files.readAllLines(data.resolve("feedback").resolve("training.csv"));
        assertThat(feedback.get(0)).isEqualTo("txn_id,description,predicted_account,approved_account,confidence,review_outcome,tier");
        assertThat(feedback).anyMatch(l -> l.contains(",corrected,")).anyMatch(l -> l.contains(",auto_approved,"));
        assertThat(reports.resolve("hamilton_coffee_co").resolve("balance_sheet.csv")).exists();

        CompanyAccess hamilton = access("Hamilton Coffee Co.");
        int entries = ledger.entries(hamilton, EntryFilter.all()).size();
        assertThat(pilot(data, reports)).isZero();
        assertThat(ledger.entries(hamilton, EntryFilter.all())).hasSize(entries);
        JsonNode again = JsonMapper.builder().build().readTree(reports.resolve("simulation_metrics.json").toFile());
        assertThat(again.path("totals").path("transactions_ingested").asLong())
                .isEqualTo(totals.path("transactions_ingested").asLong());
    }

    private int pilot(Path data, Path reports) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return commands.run(new String[] {"pilot", "--quiet", "--data", data.toString(), "--reports", reports.toString()},
                print, print);
    }

    private CompanyAccess access(String name) {
        var company = tenancy.companyByName(name).orElseThrow();
        return CompanyAccess.system(company.id());
    }
}

package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.cli.Commands;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.Fixtures;
import ai.bookkeeper.testing.PostgresAvailable;
import ai.bookkeeper.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One company's failure never stops another: here a pilot company's name is already taken by another owner, so
 * that company fails (its error lands in its metrics), the four others are booked, and the exit status is 1.
 * Runs on a database of its own, since it needs the pilot's company names free.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest
class PilotIsolationIntegrationTest {

    private static final String URL = TestDatabase.freshUrlForContext();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @Autowired Commands commands;
    @Autowired Tenancy tenancy;

    @Test
    void a_failing_company_is_reported_and_the_others_are_still_booked(@TempDir Path dir) throws Exception {
        var squatter = Fixtures.user(tenancy);
        tenancy.createCompany(squatter.id(), NewCompany.of("Contreras Real Estate Group", BusinessType.REAL_ESTATE));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = commands.run(new String[] {"pilot", "--quiet", "--data", dir.resolve("data").toString(),
                "--reports", dir.resolve("reports").toString()}, print, print);

        assertThat(status).isEqualTo(1);
        JsonNode metrics = JsonMapper.builder().build().readTree(dir.resolve("reports/simulation_metrics.json").toFile());
        for (JsonNode company : metrics.path("companies")) {
            if (company.path("company_name").asText().equals("Contreras Real Estate Group")) {
                assertThat(company.path("errors")).isNotEmpty();
            } else {
                assertThat(company.path("errors")).isEmpty();
                assertThat(company.path("transactions_ingested").asLong()).isGreaterThan(250);
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Contreras Real Estate Group");
    }
}

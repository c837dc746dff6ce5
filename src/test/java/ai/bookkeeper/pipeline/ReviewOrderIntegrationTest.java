package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review queue is in a stable order: items of one day wait in the order of the statement they came from, run after
 * run (the simulated pilot reviews in this order, so its figures depend on it).
 */
class ReviewOrderIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Statements statements;
    @Autowired BankTransactions bankTransactions;
    @Autowired Pipeline pipeline;
    @Autowired ReviewQueue review;

    @Test
    void items_of_one_day_wait_for_review_in_the_order_of_the_statement(@TempDir Path dir) throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        List<String> descriptions = new ArrayList<>();
        StringBuilder csv = new StringBuilder("Date,Description,Amount,Balance,Account\n");
        for (int i = 0; i < 40; i++) {
            String description = "QXZ UNHEARD OF VENDOR " + (char) ('A' + (i * 7) % 26) + (char) ('A' + (i * 11) % 26) + " " + i;
            descriptions.add(description);
            csv.append("03/05/2026,").append(description).append(",-").append(10 + i).append(".00,,CHK-4821\n");
        }
        Path file = Files.writeString(dir.resolve("march.csv"), csv, StandardCharsets.UTF_8);

        ImportReport report = statements.importFile(owner, file, ImportOptions.defaults());
        pipeline.process(owner, bankTransactions.newSince(owner, report.batch()));

        List<String> queued = review.queue(owner, null, null, 100, 0).stream()
                .map(item -> item.proposal().description()).toList();
        assertThat(queued).hasSizeGreaterThan(20);
        assertThat(queued).isSortedAccordingTo((a, b) -> Integer.compare(descriptions.indexOf(a), descriptions.indexOf(b)));
    }
}

package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.review.Outcome;
import ai.bookkeeper.review.Proposal;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.Money;
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
import java.util.Map;
import java.util.stream.Collectors;
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
    @Autowired Ledger ledger;
    @Autowired ReviewQueue review;

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

    @Test
    void lines_that_settle_entries_booked_before_them_are_matched_to_those_entries_and_the_rest_proposed() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        ImportReport march = importMonth(owner, "03", 4); // QXZ VENDOR 03-i, -10.00 … -13.00 on 03/01 … 03/04
        List<BankTransaction> lines = bankTransactions.transactions(owner, TransactionFilter.all().batch(march.batch()));
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        List<JournalEntry> receipts = new ArrayList<>();
        for (BankTransaction line : lines.subList(0, 2)) { // two receipts booked before the statement was processed
            Money paid = line.amount().abs();
            receipts.add(ledger.book(owner, new NewEntry(line.bookingDate(), line.description(), null, EntrySource.RECEIPT,
                    List.of(JournalLine.debit(supplies.id(), paid), JournalLine.credit(line.bankAccount(), paid))),
                    EntryStatus.PROPOSED));
        }

        Pipeline.Outcome outcome = pipeline.processImports(owner).outcome();

        assertThat(outcome.matchedExisting()).isEqualTo(2);
        assertThat(outcome.proposed()).isEqualTo(2);
        Map<String, Proposal> byLine = review.all(owner).stream()
                .collect(Collectors.toMap(Proposal::transactionId, p -> p));
        for (int i = 0; i < 2; i++) {
            Proposal settled = byLine.get(lines.get(i).id().toString());
            assertThat(settled.outcome()).isEqualTo(Outcome.MATCHED);
            assertThat(settled.entryId()).isEqualTo(receipts.get(i).id());
        }
        assertThat(byLine.get(lines.get(2).id().toString()).outcome()).isNotEqualTo(Outcome.MATCHED);
        assertThat(ledger.entries(owner, EntryFilter.all())).as("two receipts and two entries booked from lines")
                .hasSize(4 + openingEntries(owner));
    }

    private int openingEntries(CompanyAccess owner) {
        return (int) ledger.entries(owner, EntryFilter.all()).stream()
                .filter(e -> e.source() == EntrySource.OPENING).count();
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

package ai.bookkeeper.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.categorize.TransactionFacts;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Proposals proposals;
    @Autowired ReviewQueue review;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    CompanyAccess owner;
    Account checking;
    Account savings;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        checking = ledger.accountByCode(owner, "1000").orElseThrow();
        savings = ledger.accountByCode(owner, "1010").orElseThrow();
    }

    TransactionFacts txn(String date, String description, String amount) {
        return new TransactionFacts(UUID.randomUUID().toString(), LocalDate.parse(date),
                Money.of(amount, CurrencyCode.USD), description, null, checking.id());
    }

    @Test
    void every_transaction_becomes_one_balanced_entry_and_proposing_again_adds_nothing() {
        List<TransactionFacts> batch = List.of(txn("2026-01-05", "ZZQX OBSCURE THING 4411", "-42.17"),
                txn("2026-01-06", "STRIPE TRANSFER ST-99812", "1250.00"));
        Proposals.Result first = proposals.proposeAll(owner, batch);
        assertThat(first.proposed()).isEqualTo(2);
        assertThat(first.autoApproved() + first.queued()).isEqualTo(2);
        Proposals.Result again = proposals.proposeAll(owner, batch);
        assertThat(again.proposed()).isZero();
        assertThat(again.alreadyProposed()).isEqualTo(2);
        assertThat(ledger.trialBalance(owner, LocalDate.parse("2026-12-31")).isBalanced()).isTrue();
        assertThat(review.all(owner)).hasSize(2);
    }

    @Test
    void what_runs_in_the_booking_transaction_sees_the_new_entries_and_its_failure_books_nothing() {
        List<TransactionFacts> batch = List.of(txn("2026-01-05", "ZZQX OBSCURE THING 4411", "-42.17"),
                txn("2026-01-06", "STRIPE TRANSFER ST-99812", "1250.00"));
        List<ai.bookkeeper.ledger.JournalEntryId> seen = new java.util.ArrayList<>();
        assertThatThrownBy(() -> proposals.proposeAll(owner, batch, null, booking -> {
            seen.addAll(ledger.bookedInThisTransaction(booking.booked().values()));
            throw new IllegalStateException("linking failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(seen).hasSize(2);
        assertThat(review.all(owner)).isEmpty();
        assertThat(ledger.entries(owner, ai.bookkeeper.ledger.EntryFilter.all())).isEmpty();
        Proposals.Result[] inside = new Proposals.Result[1];
        Proposals.Result result = proposals.proposeAll(owner, batch, null, booking -> inside[0] = booking);
        assertThat(inside[0]).isSameAs(result);
        assertThat(result.booked()).hasSize(2);
        // nothing new: no write transaction, so nothing runs in one
        inside[0] = null;
        proposals.proposeAll(owner, batch, null, booking -> inside[0] = booking);
        assertThat(inside[0]).isNull();
    }

    @Test
    void a_run_that_another_run_overtakes_between_preparing_and_booking_books_nothing_twice() {
        // the first run prepares all 300 as new; before it books them, a second run proposes the same 300; the first
        // run's transaction checks again and leaves them alone
        List<TransactionFacts> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(txn("2026-01-" + String.format("%02d", 1 + i % 28), "ZZQX VENDOR " + i, "-" + (10 + i) + ".00"));
        }
        Proposals.Result[] overtaking = new Proposals.Result[1];
        Proposals.Result overtaken = proposals.proposeAll(owner, batch, null,
                () -> overtaking[0] = proposals.proposeAll(owner, batch));

        assertThat(overtaking[0].proposed()).isEqualTo(300);
        assertThat(overtaken.proposed()).isZero();
        assertThat(overtaken.alreadyProposed()).isEqualTo(300);
        assertThat(overtaken.booked()).isEmpty();
        assertThat(review.all(owner)).hasSize(300);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE company_id = ? AND source = 'BANK'",
                Integer.class, ai.bookkeeper.platform.Keys.bind(owner.companyId()))).isEqualTo(300);
        assertThat(ledger.trialBalance(owner, LocalDate.parse("2026-12-31")).isBalanced()).isTrue();
    }

    @Test
    void a_correction_is_recorded_teaches_the_vendor_and_the_next_one_is_approved_automatically() throws Exception {
        proposals.proposeAll(owner, List.of(txn("2026-02-03", "ZZQX OBSCURE THING 4411", "-42.17")));
        ReviewQueue.Item item = review.queue(owner, null, null, 50, 0).get(0);
        assertThat(item.proposal().outcome()).isEqualTo(Outcome.QUEUED);

        JournalEntry approved = review.changeAccountAndApprove(owner, item.entry().id(), item.entry().version(), "6150");
        assertThat(approved.status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(ledger.entry(owner, item.entry().id()).lines()).extracting(l -> l.account())
                .contains(ledger.accountByCode(owner, "6150").orElseThrow().id(), checking.id());
        assertThatThrownBy(() -> review.approve(owner, item.entry().id(), approved.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("decided already");

        for (int i = 0; i < 3; i++) {
            var next = review.queue(owner, null, null, 50, 0);
            proposals.proposeAll(owner, List.of(txn("2026-03-0" + (i + 1), "ZZQX OBSCURE THING 4411", "-42.17")));
            for (ReviewQueue.Item queued : review.queue(owner, null, null, 50, 0)) {
                review.changeAccountAndApprove(owner, queued.entry().id(), queued.entry().version(), "6150");
            }
        }
        proposals.proposeAll(owner, List.of(txn("2026-04-01", "ZZQX OBSCURE THING 4411", "-42.17")));
        Proposal last = review.all(owner).stream().filter(p -> p.date().equals(LocalDate.parse("2026-04-01"))).findFirst().orElseThrow();
        assertThat(last.predictedAccountCode()).isEqualTo("6150");
        assertThat(last.outcome()).isEqualTo(Outcome.AUTO_APPROVED);

        StringWriter csv = new StringWriter();
        review.writeFeedback(owner, csv, true);
        assertThat(csv.toString()).startsWith("txn_id,description,predicted_account,approved_account,confidence,review_outcome,tier\n")
                .contains(",6150,", "corrected", "auto_approved");
    }

    @Test
    void a_rejected_entry_leaves_the_books_and_the_queue() {
        proposals.proposeAll(owner, List.of(txn("2026-02-03", "ZZQX DUPLICATE CHARGE", "-9.99")));
        ReviewQueue.Item item = review.queue(owner, null, null, 50, 0).get(0);
        review.reject(owner, item.entry().id(), item.entry().version());
        assertThat(review.pending(owner)).isZero();
        assertThat(ledger.trialBalance(owner, LocalDate.parse("2026-12-31")).rows()).isEmpty();
    }

    @Test
    void a_transfer_between_own_accounts_is_booked_once_for_both_legs() {
        Proposals.TransferPair pair = transfer("2026-05-02", "500.00");
        proposals.proposeTransfers(owner, List.of(pair));
        assertThat(proposals.proposeTransfers(owner, List.of(pair)).proposed()).isZero();
        var tb = ledger.trialBalance(owner, LocalDate.parse("2026-12-31"));
        assertThat(tb.balanceOf("1010")).isEqualTo(Money.of("500.00", CurrencyCode.USD));
        assertThat(tb.balanceOf("1000")).isEqualTo(Money.of("-500.00", CurrencyCode.USD));
        assertThat(review.automationByMonth(owner, null, null)).singleElement()
                .satisfies(m -> assertThat(m.automationPercent()).isEqualTo(100.0));
    }

    @Test
    void transfers_are_booked_in_one_batch_skipping_pairs_already_proposed_and_none_when_one_pair_is_malformed() {
        Proposals.TransferPair first = transfer("2026-06-01", "250.00");
        Proposals.TransferPair second = transfer("2026-06-02", "75.00");
        proposals.proposeTransfers(owner, List.of(first));

        Proposals.Result batch = proposals.proposeTransfers(owner, List.of(first, second));
        assertThat(batch.proposed()).isEqualTo(2);
        assertThat(batch.autoApproved()).isEqualTo(2);
        assertThat(batch.alreadyProposed()).isEqualTo(2);
        assertThat(batch.booked()).containsOnlyKeys(second.outgoing().transactionId(), second.incoming().transactionId());
        assertThat(batch.booked().values()).hasSize(2).containsOnly(batch.booked().get(second.outgoing().transactionId()));
        var tb = ledger.trialBalance(owner, LocalDate.parse("2026-12-31"));
        assertThat(tb.balanceOf("1010")).isEqualTo(Money.of("325.00", CurrencyCode.USD));
        assertThat(tb.balanceOf("1000")).isEqualTo(Money.of("-325.00", CurrencyCode.USD));

        Proposals.TransferPair third = transfer("2026-06-03", "10.00");
        Proposals.TransferPair lopsided = new Proposals.TransferPair(txn("2026-06-04", "ONLINE TRANSFER TO SAV-7730", "-20.00"),
                new TransactionFacts(UUID.randomUUID().toString(), LocalDate.parse("2026-06-04"),
                        Money.of("19.00", CurrencyCode.USD), "ONLINE TRANSFER FROM CHK-4821", null, savings.id()));
        assertThatThrownBy(() -> proposals.proposeTransfers(owner, List.of(third, lopsided)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same amount out and in");
        assertThat(ledger.trialBalance(owner, LocalDate.parse("2026-12-31")).balanceOf("1010"))
                .as("the well-formed pair in the refused batch was not booked either")
                .isEqualTo(Money.of("325.00", CurrencyCode.USD));
    }

    private Proposals.TransferPair transfer(String date, String amount) {
        TransactionFacts out = txn(date, "ONLINE TRANSFER TO SAV-7730", "-" + amount);
        TransactionFacts in = new TransactionFacts(UUID.randomUUID().toString(), LocalDate.parse(date),
                Money.of(amount, CurrencyCode.USD), "ONLINE TRANSFER FROM CHK-4821", null, savings.id());
        return new Proposals.TransferPair(out, in);
    }
}

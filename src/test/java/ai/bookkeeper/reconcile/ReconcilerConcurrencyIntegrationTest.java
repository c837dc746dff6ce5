package ai.bookkeeper.reconcile;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import ai.bookkeeper.testing.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A match stored while another transaction rejects, reverses or changes its entry must not outlive that withdrawal.
 * Each test holds the withdrawing transaction open, after its own statements (and the reconciler's release) ran,
 * while the matching call runs in another thread; it commits once that call has finished or waits for a lock. On
 * PostgreSQL (READ COMMITTED) the matching call, unguarded, would read the entry as it was and match it. On SQLite the
 * matching call waits for the write lock until the withdrawal commits (after {@link #AT_MOST_MS}).
 */
class ReconcilerConcurrencyIntegrationTest extends DatabaseIntegrationTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);
    /** How long the withdrawal stays open for a matching call that neither finishes nor is seen waiting for a lock. */
    private static final long AT_MOST_MS = 2_000;

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Reconciler reconciler;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    CompanyAccess owner;
    Account bank;
    Account savings;
    Account supplies;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        savings = ledger.accountByCode(owner, "1010").orElseThrow();
        supplies = ledger.accountByCode(owner, "6500").orElseThrow();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void a_reconciliation_racing_a_rejection_leaves_the_rejected_entry_unmatched() throws Exception {
        JournalEntry guess = spend(3, "42.10", "Staples", EntrySource.MANUAL, EntryStatus.PROPOSED);
        BankLine line = line(3, "-42.10", "POS DEBIT STAPLES");

        race(() -> ledger.reject(owner, guess.id(), guess.version()),
                () -> reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults())).get(10, SECONDS);

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines()).containsExactly(line);
    }

    @Test
    void a_manual_match_racing_a_reversal_leaves_the_reversed_entry_unmatched() throws Exception {
        BankLine line = line(3, "-42.10", "POS DEBIT STAPLES");
        reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()); // recorded, nothing to match yet
        JournalEntry posted = spend(3, "42.10", "Staples", EntrySource.MANUAL, EntryStatus.POSTED);

        Future<Match> matching = race(() -> ledger.reverse(owner, posted.id(), LocalDate.of(2026, 4, 20), "wrong vendor"),
                () -> reconciler.manualMatch(owner, line.id(), List.of(posted.id()), null));

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(catchThrowable(() -> matching.get(10, SECONDS))).cause()
                .isInstanceOf(ConflictException.class).hasMessageContaining("has been reversed");
    }

    @Test
    void a_reconciliation_racing_a_change_of_the_bank_account_leaves_the_changed_entry_unmatched() throws Exception {
        JournalEntry lunch = spend(7, "30.00", "Lunch", EntrySource.MANUAL, EntryStatus.APPROVED);
        BankLine line = line(7, "-30.00", "LUNCH DELI");

        race(() -> ledger.changeAccount(owner, lunch.id(), lunch.version(), bank.id(), savings.id(), "paid from savings"),
                () -> reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults())).get(10, SECONDS);

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
    }

    @Test
    void a_receipt_match_racing_a_rejection_attaches_nothing_to_the_rejected_entry() throws Exception {
        JournalEntry guess = spend(7, "64.20", "Office Depot", EntrySource.BANK, EntryStatus.PROPOSED);
        ReceiptDoc receipt = new ReceiptDoc("receipt-1", "Office Depot Inc.", LocalDate.of(2026, 4, 7),
                Money.of("64.20", CurrencyCode.USD));

        race(() -> ledger.reject(owner, guess.id(), guess.version()),
                () -> reconciler.receiptMatches(owner, List.of(receipt), ReconcileOptions.defaults())).get(10, SECONDS);

        assertThat(reconciler.documents(owner, guess.id())).isEmpty();
        assertThat(reconciler.linkedDocuments(owner, List.of(receipt.id()))).isEmpty();
    }

    /**
     * Runs {@code withdraw} in a transaction that stays open until {@code match}, started in another thread after the
     * withdrawal's statements ran, has finished or is waiting for a lock (or {@link #AT_MOST_MS} passed); then
     * commits it. Returns the matching call, finished or about to finish; every wait is bounded.
     */
    private <T> Future<T> race(Runnable withdraw, Callable<T> match) throws Exception {
        CountDownLatch withdrawn = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> withdrawal = threads.submit(() -> transactions.executeWithoutResult(status -> {
            withdraw.run();
            withdrawn.countDown();
            try {
                if (!commit.await(30, SECONDS)) {
                    throw new IllegalStateException("the test never let the withdrawal commit");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        while (!withdrawn.await(10, MILLISECONDS)) {
            if (withdrawal.isDone()) {
                withdrawal.get(); // the withdrawal failed: show why
            }
        }
        Future<T> matching = threads.submit(match);
        long deadline = System.nanoTime() + MILLISECONDS.toNanos(AT_MOST_MS);
        while (!matching.isDone() && !waitingForALock() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        commit.countDown();
        withdrawal.get(10, SECONDS);
        return matching;
    }

    /** Whether a session of this test database waits for a lock (PostgreSQL; SQLite can't tell). */
    private boolean waitingForALock() {
        return TestDatabase.isPostgres() && jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'", Integer.class) > 0;
    }

    /** Money out of the bank for supplies. */
    private JournalEntry spend(int day, String amount, String description, EntrySource source, EntryStatus status) {
        Money money = Money.of(amount, CurrencyCode.USD);
        return ledger.book(owner, new NewEntry(LocalDate.of(2026, 4, day), description, null, source,
                List.of(JournalLine.debit(supplies.id(), money), JournalLine.credit(bank.id(), money))), status);
    }

    private BankLine line(int day, String amount, String description) {
        return new BankLine(UUID.randomUUID().toString(), bank.id(), LocalDate.of(2026, 4, day),
                Money.of(amount, CurrencyCode.USD), description);
    }
}

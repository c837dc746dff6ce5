package ai.bookkeeper.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A statement of some hundreds of lines reconciles and persists in one batch, on both engines. */
class ReconcilerVolumeIntegrationTest extends DatabaseIntegrationTest {

    private static final int LINES = 400;
    private static final String[] VENDORS = {"Staples", "Adobe Creative Cloud", "Blue Bottle Coffee", "Shell", "Comcast"};

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Reconciler reconciler;

    @Test
    void a_statement_of_hundreds_of_lines_is_matched_and_stored_once() {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        Account bank = ledger.accountByCode(owner, "1000").orElseThrow();
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        Random random = new Random(11);
        LocalDate start = LocalDate.of(2026, 1, 5);
        List<BankLine> lines = new ArrayList<>();
        Set<String> booked = new HashSet<>();
        int expectedMatches = 0;
        for (int i = 0; i < LINES; i++) {
            String vendor = VENDORS[random.nextInt(VENDORS.length)];
            LocalDate date = start.plusDays(random.nextInt(80));
            Money amount = Money.ofMinor(100 + random.nextInt(50_000), CurrencyCode.USD);
            lines.add(new BankLine("line-" + i, bank.id(), date, amount.negate(), "POS DEBIT " + vendor.toUpperCase() + " #" + i));
            if (i % 10 != 0) {
                LocalDate booking = i % 5 == 1 ? date.minusDays(2) : date;
                booked.add(ledger.book(owner, new NewEntry(booking, vendor, null, EntrySource.RECEIPT,
                        List.of(JournalLine.debit(supplies.id(), amount), JournalLine.credit(bank.id(), amount))),
                        EntryStatus.APPROVED).id().toString());
                expectedMatches++;
            }
        }

        long started = System.nanoTime();
        ReconciliationResult result = reconciler.reconcile(owner, lines, ReconcileOptions.defaults());
        System.out.printf("reconciled and stored %d bank lines in %d ms%n", LINES, (System.nanoTime() - started) / 1_000_000);

        assertThat(result.matches()).hasSize(expectedMatches);
        List<Match> stored = reconciler.matches(owner, start, start.plusDays(90));
        assertThat(stored).hasSize(expectedMatches).flatExtracting(Match::entryIds).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(booked);
        assertThat(reconciler.rate(owner, start, start.plusDays(90))).isEqualByComparingTo("0.9");
        assertThat(reconciler.orphans(owner, start, start.plusDays(90)).bankLines()).hasSize(LINES / 10);
        assertThat(reconciler.reconcile(owner, lines, ReconcileOptions.defaults()).matches()).isEmpty();
    }
}

package ai.bookkeeper.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine indexes by amount and date: a million lines against a million entries takes seconds, not hours. */
class MatchingEngineScaleTest {

    private static final int LINES = 1_000_000;
    private static final String[][] VENDORS = Lines.BANK_AND_LEDGER_TEXTS;

    @Test
    void a_million_bank_lines_reconcile_against_a_million_entries_in_seconds() {
        Random random = new Random(7);
        AccountId[] accounts = {Lines.CHECKING, Lines.CARD};
        LocalDate[] days = new LocalDate[1100];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.of(2024, 1, 1).plusDays(d);
        }
        String[] lineTexts = new String[VENDORS.length * 50];
        for (int i = 0; i < lineTexts.length; i++) {
            lineTexts[i] = VENDORS[i % VENDORS.length][0].formatted(1000 + i);
        }
        List<BankLine> lines = new ArrayList<>(LINES);
        List<LedgerItem> items = new ArrayList<>(LINES);
        int expectedExact = 0;
        for (int i = 0; i < LINES; i++) {
            int vendor = random.nextInt(VENDORS.length);
            AccountId account = accounts[i & 1];
            int day = 5 + random.nextInt(days.length - 10);
            long cents = (1 + random.nextInt(2_000_000)) * (vendor == 4 ? 1L : -1L);
            Money amount = Money.ofMinor(cents, CurrencyCode.USD);
            lines.add(new BankLine("b" + i, account, days[day], amount, lineTexts[vendor + VENDORS.length * random.nextInt(50)]));
            int kind = random.nextInt(100);
            if (kind < 80) {
                expectedExact++;
                items.add(new LedgerItem("e" + i, account, days[day], amount, VENDORS[vendor][1]));
            } else if (kind < 90) {
                items.add(new LedgerItem("e" + i, account, days[day - 1 - random.nextInt(3)], amount, VENDORS[vendor][1]));
            } else if (kind < 93 && Math.abs(cents) > 300) {
                long part = cents / 3;
                items.add(new LedgerItem("e" + i + "a", account, days[day - 1], Money.ofMinor(part, CurrencyCode.USD), "Sale"));
                items.add(new LedgerItem("e" + i + "b", account, days[day - 2], Money.ofMinor(cents - part, CurrencyCode.USD), "Sale"));
            } else {
                items.add(new LedgerItem("o" + i, account, days[day], Money.ofMinor(cents + 1, CurrencyCode.USD), "Unrelated"));
            }
        }
        while (items.size() > LINES) {
            items.remove(items.size() - 1);
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReconciliationResult result = new MatchingEngine(ReconcileOptions.defaults()).run(lines, items);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        System.out.printf("reconciled %,d bank lines against %,d ledger items in %,d ms (%,d ms CPU on this thread):"
                        + " %,d matches, %,d suggestions%n", lines.size(), items.size(), millis, cpuMillis,
                result.matches().size(), result.suggestions().size());

        assertThat(millis).as("reconciling a million lines must take seconds, not hours").isLessThan(60_000);
        assertThat(result.matches().size()).isGreaterThanOrEqualTo(expectedExact);
        assertThat(result.matches()).anyMatch(m -> m.kind() == MatchKind.HEURISTIC)
                .anyMatch(m -> m.kind() == MatchKind.MANY_TO_ONE);
        Set<String> entries = new HashSet<>(2 * LINES);
        for (Match m : result.matches()) {
            for (String entry : m.entryIds()) {
                assertThat(entries.add(entry)).as("entry %s matched twice", entry).isTrue();
            }
        }
        assertThat(result.matches().size() + result.unmatchedLines().size()).isEqualTo(LINES);
    }
}

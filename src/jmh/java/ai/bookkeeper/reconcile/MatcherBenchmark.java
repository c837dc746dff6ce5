package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching engine without a database (issue 10, part 3): {@code lines} bank lines against as many ledger items,
 * 80 % on the same day and amount (exact), 10 % one to three days earlier (heuristic, scored by description
 * similarity), 3 % settled by two entries (many-to-one), the rest near-misses off by a cent (suggestions at most).
 * The same mix as {@code MatchingEngineScaleTest}; seed 7. A score is one whole run: divide {@code lines} by the
 * time for lines per second. ({@link DescriptionSimilarityBenchmark} has the description similarity alone.)
 *
 * <p>Run: {@code ./mvnw -B -Pjmh verify -Djmh.args="Matcher"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class MatcherBenchmark {

    private static final String[][] VENDORS = Lines.BANK_AND_LEDGER_TEXTS;

    @Param({"1000", "100000"})
    public int lines;

    private List<BankLine> bankLines;
    private List<LedgerItem> items;
    private MatchingEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(7);
        AccountId[] accounts = {Lines.CHECKING, Lines.CARD};
        LocalDate first = LocalDate.of(2024, 1, 1);
        int days = Math.max(30, Math.min(1100, lines / 100));
        bankLines = new ArrayList<>(lines);
        items = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            int vendor = random.nextInt(VENDORS.length);
            AccountId account = accounts[i & 1];
            LocalDate day = first.plusDays(5 + random.nextInt(days - 10));
            long cents = (1 + random.nextInt(2_000_000)) * (vendor == 4 ? 1L : -1L);
            Money amount = Money.ofMinor(cents, CurrencyCode.USD);
            bankLines.add(new BankLine("b" + i, account, day, amount,
                    VENDORS[vendor][0].formatted(1000 + random.nextInt(50))));
            int kind = random.nextInt(100);
            if (kind < 80) {
                items.add(new LedgerItem("e" + i, account, day, amount, VENDORS[vendor][1]));
            } else if (kind < 90) {
                items.add(new LedgerItem("e" + i, account, day.minusDays(1 + random.nextInt(3)), amount, VENDORS[vendor][1]));
            } else if (kind < 93 && Math.abs(cents) > 300) {
                long part = cents / 3;
                items.add(new LedgerItem("e" + i + "a", account, day.minusDays(1), Money.ofMinor(part, CurrencyCode.USD), "Sale"));
                items.add(new LedgerItem("e" + i + "b", account, day.minusDays(2), Money.ofMinor(cents - part, CurrencyCode.USD), "Sale"));
            } else {
                items.add(new LedgerItem("o" + i, account, day, Money.ofMinor(cents + 1, CurrencyCode.USD), "Unrelated"));
            }
        }
        engine = new MatchingEngine(ReconcileOptions.defaults());
    }

    /** One reconciliation run over the whole set, as {@code Reconciler.reconcile} hands it to the engine. */
    @Benchmark
    public ReconciliationResult run() {
        return engine.run(bankLines, items);
    }
}

package ai.bookkeeper.reconcile;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The description similarity the matcher scores heuristic pairs by: one bank text against one ledger description,
 * with a fresh {@link DescriptionSimilarity} (and its token cache) each time, as a worst case. Run:
 * {@code ./mvnw -B -Pjmh verify -Djmh.args="DescriptionSimilarity"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class DescriptionSimilarityBenchmark {

    private static final String[][] VENDORS = Lines.BANK_AND_LEDGER_TEXTS;

    private String[] bank;
    private String[] ledger;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        bank = new String[VENDORS.length * 50];
        ledger = new String[bank.length];
        for (int i = 0; i < bank.length; i++) {
            bank[i] = VENDORS[i % VENDORS.length][0].formatted(1000 + i / VENDORS.length);
            // the matching description, or another vendor's, in turn
            ledger[i] = VENDORS[(i + i / VENDORS.length) % VENDORS.length][1];
        }
    }

    @Benchmark
    public double similarity() {
        int i = next;
        next = i + 1 == bank.length ? 0 : i + 1;
        return new DescriptionSimilarity().similarity(bank[i], ledger[i]);
    }
}

package ai.bookkeeper.categorize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The categorizer without a database (issue 10, part 3): one batch of 1,000 transactions through the tier chain the
 * import job builds (global rules, the vendor memory, the learned model, the offline LLM provider), and its two
 * per-transaction parts, the model's prediction and vendor normalization. Scores are per transaction.
 *
 * <p>{@code memory}: {@code empty} is a company before any review (everything the rules don't answer goes to the
 * model, and what the model is unsure of to the LLM tier); {@code learned} is one whose reviewers have decided each
 * vendor once (the memory answers most). Data: {@link SyntheticBooks}, seed 42, a model trained on 10,000 examples.
 *
 * <p>Run: {@code ./mvnw -B -Pjmh verify} (all), or {@code -Djmh.args="Categorizer -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CategorizerBenchmark {

    static final int BATCH = 1_000;
    static final BigDecimal THRESHOLD = new BigDecimal("0.85");

    @Param({"empty", "learned"})
    public String memory;

    private RuleEngine rules;
    private TextClassifier model;
    private Map<String, VendorMemory> vendorMemory;
    private List<TransactionFacts> batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<LabeledExample> data = SyntheticBooks.generate(42, 10_000 + BATCH);
        model = TextClassifier.train(data.subList(0, 10_000), 1);
        rules = RuleEngine.of(List.of(), Categorizer.loadGlobalRules());
        batch = data.subList(10_000, 10_000 + BATCH).stream().map(LabeledExample::facts).toList();
        vendorMemory = new HashMap<>();
        if (memory.equals("learned")) {
            for (LabeledExample example : data.subList(0, 10_000)) {
                String vendor = example.facts().vendor();
                vendorMemory.putIfAbsent(vendor, new VendorMemory(vendor, example.accountCode(), 1, 1, null));
            }
        }
    }

    /** One import's batch through the whole tier chain, built per batch as the import job builds it. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Suggestion> suggestAll() {
        TierChain chain = new TierChain(Charts.WEB_CHART, rules, vendorMemory,
                new TierChain.VersionedModel(model, "bench"), new OfflineHeuristicProvider(), THRESHOLD,
                new BigDecimal("0.80"));
        return chain.suggestAll(batch);
    }

    /** The learned model's calibrated prediction for one transaction. */
    @Benchmark
    public TextClassifier.Prediction modelPredict() {
        return model.predict(nextFacts(), null);
    }

    /** The vendor key every tier looks things up by. */
    @Benchmark
    public void vendorNormalize(Blackhole hole) {
        hole.consume(Vendors.normalize(nextFacts().description()));
    }

    private TransactionFacts nextFacts() {
        TransactionFacts facts = batch.get(next);
        next = next + 1 == batch.size() ? 0 : next + 1;
        return facts;
    }
}

package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pilot target on synthetic books: precision of auto-approvals at least 98% with at least 80% approved. */
class TieredPrecisionTest {

    static final BigDecimal THRESHOLD = new BigDecimal("0.85");

    static Evaluation evaluate(TierChain chain, List<LabeledExample> test) {
        List<TransactionFacts> facts = test.stream().map(LabeledExample::facts).toList();
        List<Suggestion> suggestions = chain.suggestAll(facts);
        AutoApprovalPolicy policy = new AutoApprovalPolicy(THRESHOLD, List.of());
        List<AutoApprovalPolicy.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            verdicts.add(policy.decide(facts.get(i), suggestions.get(i)));
        }
        return Evaluation.of(suggestions, verdicts, test.stream().map(LabeledExample::accountCode).toList());
    }

    static TierChain chain(TextClassifier model, Map<String, VendorMemory> memory) {
        return new TierChain(Charts.WEB_CHART, RuleEngine.of(List.of(), Categorizer.loadGlobalRules()), memory,
                model == null ? null : new TierChain.VersionedModel(model, "test-model"), new OfflineHeuristicProvider(),
                THRESHOLD, new BigDecimal("0.80"));
    }

    @Test
    void rules_and_a_calibrated_model_approve_most_held_out_transactions_with_high_precision() {
        List<LabeledExample> data = SyntheticBooks.generate(42, 3000);
        TextClassifier model = TextClassifier.train(data.subList(0, 2000), 1);
        Evaluation evaluation = evaluate(chain(model, Map.of()), data.subList(2000, 3000));

        assertThat(evaluation.autoApprovalPrecision()).as(evaluation.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(evaluation.autoApprovalRate()).as(evaluation.toString()).isGreaterThanOrEqualTo(0.80);
        assertThat(evaluation.perTier()).containsKey(Tier.MODEL);
    }

    @Test
    void without_a_model_the_offline_heuristic_never_auto_approves() {
        List<LabeledExample> test = SyntheticBooks.generate(43, 400);
        Evaluation evaluation = evaluate(chain(null, Map.of()), test);
        assertThat(evaluation.perTier().get(Tier.LLM).count()).isPositive();
        List<Suggestion> suggestions = chain(null, Map.of()).suggestAll(test.stream().map(LabeledExample::facts).toList());
        assertThat(suggestions).filteredOn(s -> s.tier() == Tier.LLM)
                .allSatisfy(s -> assertThat(s.confidence()).isLessThanOrEqualTo(new BigDecimal("0.6")));
    }

    @Test
    void reviewed_vendors_are_answered_from_memory_and_a_flip_flopping_vendor_goes_to_review() {
        TransactionFacts figma = Charts.out("15.00", "POS FIGMA.COM SAN FRANCISCO CA");
        Map<String, VendorMemory> memory = new HashMap<>();
        memory.put(figma.vendor(), new VendorMemory(figma.vendor(), "6200", 2, 2, null));
        Suggestion s = chain(null, memory).suggestAll(List.of(figma)).get(0);
        assertThat(s.tier()).isEqualTo(Tier.CACHE);
        assertThat(s.primaryAccountCode()).contains("6200");
        assertThat(s.confidence()).isGreaterThanOrEqualTo(THRESHOLD);

        memory.put(figma.vendor(), new VendorMemory(figma.vendor(), "6200", 1, 3, null));
        assertThat(chain(null, memory).suggestAll(List.of(figma)).get(0).confidence()).isLessThan(THRESHOLD);
    }

    @Test
    void a_batch_gets_the_same_suggestion_for_each_transaction_as_one_at_a_time() {
        // throughput is measured by the bench command, not asserted here: timing on a shared machine is noise
        List<LabeledExample> data = SyntheticBooks.generate(44, 1500);
        TextClassifier model = TextClassifier.train(data.subList(0, 500), 1);
        List<TransactionFacts> batch = SyntheticBooks.generate(45, 300).stream().map(LabeledExample::facts).toList();
        List<Suggestion> together = chain(model, Map.of()).suggestAll(batch);
        assertThat(together).hasSize(batch.size());
        for (int i = 0; i < batch.size(); i += 37) {
            Suggestion alone = chain(model, Map.of()).suggestAll(List.of(batch.get(i))).get(0);
            assertThat(alone.primaryAccountCode()).isEqualTo(together.get(i).primaryAccountCode());
            assertThat(alone.confidence()).isEqualByComparingTo(together.get(i).confidence());
        }
    }
}

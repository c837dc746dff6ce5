package ai.bookkeeper.categorize;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An honest measurement over labeled transactions: overall and per-tier accuracy of the primary account, the share
 * auto-approved, and how many of those were right (the number that matters: a wrong auto-approval is silent).
 */
public record Evaluation(int total, double accuracy, Map<Tier, TierStats> perTier, int autoApproved,
                         double autoApprovalRate, double autoApprovalPrecision) {

    public record TierStats(int count, int correct) {
        public double accuracy() {
            return count == 0 ? 0 : (double) correct / count;
        }
    }

    public static Evaluation of(List<Suggestion> suggestions, List<AutoApprovalPolicy.Verdict> verdicts,
                                List<String> trueCodes) {
        if (suggestions.size() != trueCodes.size() || verdicts.size() != trueCodes.size()) {
            throw new IllegalArgumentException("suggestions, verdicts and true codes differ in length");
        }
        Map<Tier, int[]> tiers = new EnumMap<>(Tier.class);
        int correct = 0;
        int approved = 0;
        int approvedCorrect = 0;
        for (int i = 0; i < suggestions.size(); i++) {
            Suggestion s = suggestions.get(i);
            boolean right = s.primaryAccountCode().map(trueCodes.get(i)::equals).orElse(false);
            int[] stats = tiers.computeIfAbsent(s.tier(), t -> new int[2]);
            stats[0]++;
            stats[1] += right ? 1 : 0;
            correct += right ? 1 : 0;
            if (verdicts.get(i).approved()) {
                approved++;
                approvedCorrect += right ? 1 : 0;
            }
        }
        Map<Tier, TierStats> perTier = new EnumMap<>(Tier.class);
        tiers.forEach((tier, s) -> perTier.put(tier, new TierStats(s[0], s[1])));
        int n = suggestions.size();
        return new Evaluation(n, n == 0 ? 0 : (double) correct / n, Map.copyOf(perTier), approved,
                n == 0 ? 0 : (double) approved / n, approved == 0 ? 1 : (double) approvedCorrect / approved);
    }

    @Override
    public String toString() {
        return String.format("%d transactions: accuracy %.3f, auto-approved %.1f%% with precision %.4f, per tier %s",
                total, accuracy, 100 * autoApprovalRate, autoApprovalPrecision, perTier);
    }
}

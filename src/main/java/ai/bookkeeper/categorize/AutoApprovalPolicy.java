package ai.bookkeeper.categorize;

import java.math.BigDecimal;
import java.util.List;

/**
 * Decides APPROVE or REVIEW for a suggestion: approve when its confidence reaches the threshold that applies to
 * every account it books to and to the amount. A suggestion without an account is always reviewed.
 *
 * @param threshold the company's threshold ({@code Company.autoApproveThreshold()}, 0.85 by default)
 */
public record AutoApprovalPolicy(BigDecimal threshold, List<ApprovalOverride> overrides) {

    public enum Decision { APPROVE, REVIEW }

    /** @param threshold the confidence that was required; null when nothing could approve it */
    public record Verdict(Decision decision, BigDecimal threshold, String reason) {
        public boolean approved() {
            return decision == Decision.APPROVE;
        }
    }

    public AutoApprovalPolicy {
        overrides = List.copyOf(overrides);
    }

    public Verdict decide(TransactionFacts facts, Suggestion suggestion) {
        if (suggestion.allocations().isEmpty()) {
            return new Verdict(Decision.REVIEW, null, "no account was suggested");
        }
        BigDecimal absolute = facts.amount().abs().toDecimal();
        BigDecimal required = BigDecimal.ZERO;
        for (Allocation allocation : suggestion.allocations()) {
            BigDecimal forAccount = threshold;
            for (ApprovalOverride o : overrides) {
                if (!o.hasBand() && allocation.accountCode().equals(o.accountCode())) {
                    if (o.threshold() == null) {
                        return new Verdict(Decision.REVIEW, null, "account " + o.accountCode() + " is never auto-approved");
                    }
                    forAccount = o.threshold();
                }
            }
            for (ApprovalOverride o : overrides) {
                boolean account = o.accountCode() == null || o.accountCode().equals(allocation.accountCode());
                if (o.hasBand() && account && o.bandContains(absolute)) {
                    if (o.threshold() == null) {
                        return new Verdict(Decision.REVIEW, null, "amounts of " + facts.amount().abs()
                                + " are never auto-approved" + (o.accountCode() == null ? "" : " for " + o.accountCode()));
                    }
                    forAccount = forAccount.max(o.threshold());
                }
            }
            required = required.max(forAccount);
        }
        boolean approve = suggestion.confidence().compareTo(required) >= 0;
        return new Verdict(approve ? Decision.APPROVE : Decision.REVIEW, required, "confidence "
                + suggestion.confidence().stripTrailingZeros().toPlainString() + (approve ? " reaches " : " is below ")
                + "the threshold " + required.stripTrailingZeros().toPlainString());
    }

    /** The memo recorded on the proposed entry: tier, source (rule id or model version), confidence and rationale. */
    public static String memo(Suggestion suggestion) {
        String memo = "[" + suggestion.tier() + " " + suggestion.source() + " confidence "
                + suggestion.confidence().stripTrailingZeros().toPlainString() + "] " + suggestion.rationale();
        return memo.length() <= 2000 ? memo : memo.substring(0, 1997) + "...";
    }
}

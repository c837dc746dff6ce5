package ai.bookkeeper.categorize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The categorizer's answer for one transaction.
 *
 * @param allocations     the accounts and shares, summing exactly to the transaction's absolute amount; usually
 *                        one; EMPTY when no tier could name a valid account (then confidence is 0 and it goes to review)
 * @param confidence      in [0, 1]; for MODEL calibrated on held-out data
 * @param source          rule id, model version, or provider name
 * @param similarExamples past transactions like this one (MODEL tier), else empty
 * @param llmExchange     request and answer JSON of the LLM tool call (LLM tier), else null
 */
public record Suggestion(List<Allocation> allocations, BigDecimal confidence, Tier tier, String source,
                         String rationale, List<String> similarExamples, String llmExchange) {

    public Suggestion {
        allocations = List.copyOf(allocations);
        similarExamples = similarExamples == null ? List.of() : List.copyOf(similarExamples);
        Objects.requireNonNull(tier, "tier");
        confidence = confidence.setScale(4, RoundingMode.HALF_EVEN);
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("confidence outside [0, 1]: " + confidence);
        }
        if (allocations.isEmpty() && confidence.signum() != 0) {
            throw new IllegalArgumentException("a suggestion without an account has confidence 0");
        }
    }

    static Suggestion none(Tier tier, String source, String rationale, String llmExchange) {
        return new Suggestion(List.of(), BigDecimal.ZERO, tier, source, rationale, List.of(), llmExchange);
    }

    /** The account taking the largest share (the first on a tie), empty when there is no suggestion. */
    public Optional<String> primaryAccountCode() {
        return allocations.stream().reduce((a, b) -> b.amount().minorUnits() > a.amount().minorUnits() ? b : a)
                .map(Allocation::accountCode);
    }

    public double confidenceValue() {
        return confidence.doubleValue();
    }
}

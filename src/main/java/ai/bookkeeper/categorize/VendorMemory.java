package ai.bookkeeper.categorize;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the company's reviewers decided for one normalized vendor, or what the LLM answered for it before review.
 * For reviewed vendors the confidence is the posterior mean of "the next transaction of this vendor belongs to
 * the same account" under a Beta prior of strength 4 centred on 0.95 (vendors rarely change category):
 * (agreements + 3.8) / (decisions + 4), capped at 0.99. One confirmation gives 0.96; a vendor reviewers flip
 * between two accounts drops below the usual threshold.
 *
 * @param llmConfidence confidence of a stored LLM answer; null for reviewed entries
 */
record VendorMemory(String vendor, String accountCode, int agreements, int decisions, BigDecimal llmConfidence) {

    boolean reviewed() {
        return llmConfidence == null;
    }

    BigDecimal confidence() {
        if (!reviewed()) {
            return llmConfidence;
        }
        double posterior = (agreements + 3.8) / (decisions + 4.0);
        return BigDecimal.valueOf(Math.min(0.99, posterior)).setScale(4, RoundingMode.HALF_EVEN);
    }
}

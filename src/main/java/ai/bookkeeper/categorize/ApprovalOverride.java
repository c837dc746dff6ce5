package ai.bookkeeper.categorize;

import java.math.BigDecimal;

/**
 * A company's exception to its auto-approval threshold. Without an amount band it replaces the company threshold
 * for one account (higher or lower); with a band ({@code minAmount}..{@code maxAmount}, absolute, inclusive, either
 * open) it can only make approval stricter, for one account or for all ({@code accountCode} null).
 *
 * @param accountCode null for every account
 * @param minAmount   may be null
 * @param maxAmount   may be null
 * @param threshold   null means "never auto-approve" (e.g. everything above 5,000)
 */
public record ApprovalOverride(String accountCode, BigDecimal minAmount, BigDecimal maxAmount, BigDecimal threshold) {

    public boolean hasBand() {
        return minAmount != null || maxAmount != null;
    }

    boolean bandContains(BigDecimal absolute) {
        return (minAmount == null || absolute.compareTo(minAmount) >= 0)
                && (maxAmount == null || absolute.compareTo(maxAmount) <= 0);
    }
}

package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.InvalidInputException;
import java.math.BigDecimal;

/** Auto-approval thresholds are stored as basis points (0.85 is 8500): exact, and the same on every engine. */
final class Thresholds {

    private Thresholds() {
    }

    static void requireValid(BigDecimal threshold) {
        if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0 || threshold.scale() > 4) {
            throw new InvalidInputException("company.threshold", "The auto-approval threshold is a confidence from 0 to 1"
                    + " with at most 4 decimals (0.85 approves suggestions of 85% or more), not " + threshold.toPlainString() + ".");
        }
    }

    static int toBasisPoints(BigDecimal threshold) {
        return threshold.movePointRight(4).intValueExact();
    }

    static BigDecimal fromBasisPoints(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 4).stripTrailingZeros();
    }
}

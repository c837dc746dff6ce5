package ai.bookkeeper.reconcile;

import java.math.BigDecimal;
import java.util.List;

/**
 * A candidate match not confident enough to accept automatically, for a person to confirm with
 * {@link Reconciler#manualMatch}. Suggestions may compete for the same entry; only one of them can be accepted.
 */
public record Suggestion(String bankLineId, List<String> entryIds, MatchKind kind, int scoreBp, String reason) {

    public Suggestion {
        entryIds = List.copyOf(entryIds);
    }

    public BigDecimal score() {
        return BigDecimal.valueOf(scoreBp, 4);
    }
}

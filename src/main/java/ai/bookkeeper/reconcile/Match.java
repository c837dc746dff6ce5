package ai.bookkeeper.reconcile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A bank line and the entries it settles: one entry, or several for {@link MatchKind#MANY_TO_ONE} and for a manual
 * match of several entries. The entries' amounts on the bank account sum to the bank line's amount.
 *
 * @param scoreBp confidence in basis points, 0 to 10000
 * @param reason  why the entries were matched, for people
 */
public record Match(String bankLineId, List<String> entryIds, MatchKind kind, int scoreBp, String reason) {

    public Match {
        Objects.requireNonNull(bankLineId, "bank line id");
        Objects.requireNonNull(kind, "kind");
        entryIds = List.copyOf(entryIds);
        if (entryIds.isEmpty()) {
            throw new IllegalArgumentException("a match names at least one entry");
        }
        if (scoreBp < 0 || scoreBp > 10_000) {
            throw new IllegalArgumentException("score " + scoreBp + " is outside 0..10000 basis points");
        }
    }

    /** The score in [0, 1]. */
    public BigDecimal score() {
        return BigDecimal.valueOf(scoreBp, 4);
    }
}

package ai.bookkeeper.reconcile;

import ai.bookkeeper.shared.InvalidInputException;

/**
 * How the matcher decides.
 *
 * @param dateWindowDays       how many days a bank line and an entry (or receipt) may be apart, 0 to 90
 * @param autoAcceptBp         a heuristic match at or above this score (basis points) is accepted; below it is only
 *                             suggested. Exact matches (same date) are always accepted.
 * @param maxCandidatesPerLine how many same-amount candidates of one bank line are scored at most (nearest first
 *                             in date order); bounds the work when many entries share an amount
 * @param manyToOneCandidates  how many entries (nearest dates first) the many-to-one subset-sum looks at, at most 16
 * @param manyToOneMaxEntries  the most entries one bank line may settle, 2 to 8
 */
public record ReconcileOptions(int dateWindowDays, int autoAcceptBp, int maxCandidatesPerLine, int manyToOneCandidates,
                               int manyToOneMaxEntries) {

    public ReconcileOptions {
        require(dateWindowDays >= 0 && dateWindowDays <= 90, "dateWindowDays", dateWindowDays, "0 to 90");
        require(autoAcceptBp >= 0 && autoAcceptBp <= 10_000, "autoAcceptBp", autoAcceptBp, "0 to 10000");
        require(maxCandidatesPerLine >= 1 && maxCandidatesPerLine <= 1000, "maxCandidatesPerLine",
                maxCandidatesPerLine, "1 to 1000");
        require(manyToOneCandidates >= 0 && manyToOneCandidates <= 16, "manyToOneCandidates", manyToOneCandidates,
                "0 (off) to 16");
        require(manyToOneMaxEntries >= 2 && manyToOneMaxEntries <= 8, "manyToOneMaxEntries", manyToOneMaxEntries,
                "2 to 8");
    }

    /** ±3 days, accept heuristic matches from 85%, 16 candidates per line, subset-sum over 12 entries, up to 6. */
    public static ReconcileOptions defaults() {
        return new ReconcileOptions(3, 8_500, 16, 12, 6);
    }

    public ReconcileOptions withDateWindowDays(int days) {
        return new ReconcileOptions(days, autoAcceptBp, maxCandidatesPerLine, manyToOneCandidates, manyToOneMaxEntries);
    }

    public ReconcileOptions withAutoAcceptBp(int bp) {
        return new ReconcileOptions(dateWindowDays, bp, maxCandidatesPerLine, manyToOneCandidates, manyToOneMaxEntries);
    }

    private static void require(boolean ok, String name, int value, String range) {
        if (!ok) {
            throw new InvalidInputException("reconcile.options", "Reconcile option " + name + " is " + value
                    + "; it must be " + range + ".");
        }
    }
}

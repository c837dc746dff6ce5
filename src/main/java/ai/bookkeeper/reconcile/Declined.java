package ai.bookkeeper.reconcile;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The (bank line, entry) pairs a person has unmatched: the matching engine never pairs them again, neither as a
 * match nor as a suggestion, so that an unmatch survives the next reconciliation run. A person can still match them
 * by hand.
 */
final class Declined {

    static final Declined NONE = new Declined(Map.of());

    private final Map<String, Set<String>> entriesByLine;

    private Declined(Map<String, Set<String>> entriesByLine) {
        this.entriesByLine = entriesByLine;
    }

    static Declined of(Collection<Pair> pairs) {
        Map<String, Set<String>> byLine = new HashMap<>();
        pairs.forEach(p -> byLine.computeIfAbsent(p.bankLineId(), k -> new HashSet<>()).add(p.entryId()));
        return byLine.isEmpty() ? NONE : new Declined(byLine);
    }

    boolean contains(String bankLineId, String entryId) {
        if (entriesByLine.isEmpty()) {
            return false;
        }
        Set<String> entries = entriesByLine.get(bankLineId);
        return entries != null && entries.contains(entryId);
    }

    record Pair(String bankLineId, String entryId) {
    }
}

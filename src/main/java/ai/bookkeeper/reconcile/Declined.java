package ai.bookkeeper.reconcile;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The (bank line, entry) pairs a person has unmatched: the matching engine never pairs them again, neither as a
 * match nor as a suggestion, so that an unmatch survives the next reconciliation run. A person can still match them
 * by hand.
 */
final class Declined {

    static final Declined NONE = new Declined(Set.of());

    private final Set<String> pairs;

    private Declined(Set<String> pairs) {
        this.pairs = pairs;
    }

    static Declined of(Collection<Pair> pairs) {
        Set<String> keys = new HashSet<>();
        pairs.forEach(p -> keys.add(key(p.bankLineId(), p.entryId())));
        return keys.isEmpty() ? NONE : new Declined(keys);
    }

    boolean contains(String bankLineId, String entryId) {
        return !pairs.isEmpty() && pairs.contains(key(bankLineId, entryId));
    }

    private static String key(String bankLineId, String entryId) {
        return bankLineId + '\u0000' + entryId;
    }

    record Pair(String bankLineId, String entryId) {
    }
}

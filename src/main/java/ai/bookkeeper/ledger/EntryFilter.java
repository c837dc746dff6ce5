package ai.bookkeeper.ledger;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which entries to list; null fields don't filter.
 *
 * @param statuses empty or null for all
 * @param text     matched case-insensitively against description and memo
 */
public record EntryFilter(LocalDate from, LocalDate to, Set<EntryStatus> statuses, AccountId account, String text,
                          int limit, int offset) {

    public EntryFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        limit = limit <= 0 ? 100 : Math.min(limit, 1000);
        offset = Math.max(offset, 0);
    }

    public static EntryFilter all() {
        return new EntryFilter(null, null, null, null, null, 1000, 0);
    }

    public static EntryFilter withStatus(EntryStatus status) {
        return new EntryFilter(null, null, Set.of(status), null, null, 1000, 0);
    }
}

package ai.bookkeeper.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an entry is in its life. PROPOSED entries wait for review; APPROVED ones count in the books and may still be
 * corrected; POSTED ones are final (corrected only by a reversal); REJECTED ones never count.
 */
public enum EntryStatus {
    PROPOSED, APPROVED, POSTED, REJECTED;

    private Set<EntryStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(POSTED, REJECTED, PROPOSED);
            case POSTED, REJECTED -> EnumSet.noneOf(EntryStatus.class);
        };
    }

    public boolean canMoveTo(EntryStatus target) {
        return next().contains(target);
    }

    /** Whether entries in this status count in balances and reports. */
    public boolean isBooked() {
        return this == APPROVED || this == POSTED;
    }

    /** Whether the entry's lines may still be changed. */
    public boolean isEditable() {
        return this == PROPOSED || this == APPROVED;
    }
}

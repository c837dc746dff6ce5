package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.Money;
import java.time.LocalDate;

/** One line of a booked entry as the general ledger shows it. {@code memo} may be null. */
public record Posting(JournalEntryId entryId, LocalDate date, String description, AccountId account, Side side,
                      Money amount, String memo, EntryStatus status) {

    /** Debit positive, credit negative. */
    public Money signedAmount() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}

package ai.bookkeeper.ledger;

import ai.bookkeeper.platform.TransactionScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The entries the current transaction booked that no ledger change in it has touched since. Nothing outside the
 * transaction can have seen them (PostgreSQL shows no other transaction uncommitted rows; on SQLite the transaction
 * holds the one write lock from before they existed), so they are live, not reversed, and matched only if the same
 * transaction matched them. Any other ledger change in the transaction empties the record rather than tracking which
 * entry it touched: only a batch that books and then links, with nothing in between, relies on it.
 */
final class BookedInTransaction {

    private final Set<JournalEntryId> entries = new HashSet<>();

    private BookedInTransaction() {
    }

    /** Adds entries just inserted by {@code ledger}; nothing outside a transaction. */
    static void add(Object ledger, Collection<JournalEntryId> booked) {
        BookedInTransaction record = TransactionScoped.get(ledger, BookedInTransaction.class, BookedInTransaction::new);
        if (record != null) {
            record.entries.addAll(booked);
        }
    }

    /** Forgets every entry: the transaction changed the ledger in another way. */
    static void forgetAll(Object ledger) {
        BookedInTransaction record = TransactionScoped.find(ledger, BookedInTransaction.class);
        if (record != null) {
            record.entries.clear();
        }
    }

    /** Of {@code ids}, those this transaction booked and did not touch since. */
    static Set<JournalEntryId> of(Object ledger, Collection<JournalEntryId> ids) {
        BookedInTransaction record = TransactionScoped.find(ledger, BookedInTransaction.class);
        Set<JournalEntryId> found = new HashSet<>();
        if (record != null) {
            for (JournalEntryId id : ids) {
                if (record.entries.contains(id)) {
                    found.add(id);
                }
            }
        }
        return found;
    }
}

package ai.bookkeeper.ledger;

import ai.bookkeeper.tenancy.CompanyAccess;

/**
 * An entry no longer stands in the books: it was rejected, or it was reversed by {@code reversal}. Published inside
 * the transaction that withdrew it, so that what hangs on the entry (a bank line's match, an attached receipt) is
 * released in the same commit, or not at all.
 *
 * @param reversal the reversing entry, or null when the entry was rejected
 */
public record EntryWithdrawn(CompanyAccess access, JournalEntryId entry, JournalEntryId reversal) {

    /** Why, for the audit trail: "rejected" or "reversed by …". */
    public String why() {
        return reversal == null ? "entry " + entry + " was rejected" : "entry " + entry + " was reversed by " + reversal;
    }
}

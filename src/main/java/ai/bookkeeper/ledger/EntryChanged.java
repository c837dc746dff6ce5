package ai.bookkeeper.ledger;

import ai.bookkeeper.tenancy.CompanyAccess;

/**
 * An unposted entry's lines were replaced (a reviewer's correction). Published inside the changing transaction, so
 * that what was matched to the entry's old lines can be checked against the new ones in the same commit.
 */
public record EntryChanged(CompanyAccess access, JournalEntryId entry) {
}

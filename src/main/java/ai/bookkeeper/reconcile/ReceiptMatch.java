package ai.bookkeeper.reconcile;

/**
 * A receipt attached to the entry that paid it.
 *
 * @param bankLineId the bank line matched to that entry, or null when the entry isn't reconciled yet
 * @param scoreBp    confidence in basis points, 0 to 10000
 */
public record ReceiptMatch(String documentId, String entryId, String bankLineId, int scoreBp, String reason) {
}

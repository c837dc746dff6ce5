package ai.bookkeeper.ledger;

/** What made an entry: a bank line, a receipt or bill, a person, a reversal, or opening balances. */
public enum EntrySource {
    BANK, RECEIPT, MANUAL, REVERSAL, OPENING
}

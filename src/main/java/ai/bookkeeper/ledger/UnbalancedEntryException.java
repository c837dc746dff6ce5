package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;

/** An entry whose debits and credits differ, or with fewer than two lines. */
public class UnbalancedEntryException extends InvalidInputException {

    UnbalancedEntryException(String message) {
        super("entry.unbalanced", message);
    }

    static UnbalancedEntryException of(String entry, Money debits, Money credits) {
        return new UnbalancedEntryException("Journal entry " + entry + " does not balance: debits " + debits
                + ", credits " + credits + ", difference " + debits.minus(credits)
                + ". Change or add a line so that debits equal credits.");
    }
}

package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.ConflictException;
import java.time.LocalDate;

/** A change dated on or before the company's lock date. */
public class LockedPeriodException extends ConflictException {

    LockedPeriodException(String what, LocalDate date, LocalDate lockDate) {
        super("period.locked", "Cannot " + what + " dated " + date + ": the books are locked up to and including "
                + lockDate + ". Date it after " + lockDate + ", or ask an owner to move the lock date back.");
    }
}

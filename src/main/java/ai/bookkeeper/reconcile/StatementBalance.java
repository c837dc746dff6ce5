package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A statement's ending balance.
 *
 * @param endingBalance signed like bank lines: positive money in the account; a card owing 500 is -500
 */
public record StatementBalance(AccountId account, LocalDate date, Money endingBalance) {

    public StatementBalance {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endingBalance, "ending balance");
    }
}

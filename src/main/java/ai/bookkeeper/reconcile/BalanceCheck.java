package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;

/**
 * A statement's ending balance against the books.
 *
 * @param ledgerBalance debits minus credits of booked (approved and posted) entries on the account up to the date
 * @param difference    statement minus ledger: zero when they agree
 */
public record BalanceCheck(AccountId account, LocalDate date, Money statementBalance, Money ledgerBalance,
                           Money difference) {

    public boolean agrees() {
        return difference.isZero();
    }
}

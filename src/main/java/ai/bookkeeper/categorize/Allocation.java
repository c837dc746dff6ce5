package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.util.Objects;

/**
 * One share of a transaction booked to one account. {@code amount} is positive: the absolute share.
 *
 * @param memo may be null
 */
public record Allocation(AccountId accountId, String accountCode, Money amount, String memo) {

    public Allocation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountCode, "accountCode");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("An allocation is a positive share, not " + amount);
        }
    }
}

package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A journal entry's effect on one bank account: what a bank line is matched against.
 *
 * @param entryId     the journal entry's id
 * @param amount      the entry's signed effect on the bank account: debits positive, credits negative, so that it
 *                    has the sign of the bank line it should match
 * @param description may be null (treated as empty)
 */
public record LedgerItem(String entryId, AccountId bankAccount, LocalDate date, Money amount, String description) {

    public LedgerItem {
        Ids.requireValid(entryId, "ledger item");
        Objects.requireNonNull(bankAccount, "bank account");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
    }
}

package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One bank statement line, as the reconciler sees it; ingestion adapts its transactions to this.
 *
 * @param id          the bank line's id (at most 36 characters), unique within the company
 * @param amount      signed as the bank shows it: positive money in, negative money out
 * @param description may be null (treated as empty)
 */
public record BankLine(String id, AccountId bankAccount, LocalDate date, Money amount, String description) {

    public BankLine {
        Ids.requireValid(id, "bank line");
        Objects.requireNonNull(bankAccount, "bank account");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
    }
}

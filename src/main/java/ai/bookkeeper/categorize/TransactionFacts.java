package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What categorization needs to know about one bank transaction; ingestion adapts its rows to this.
 *
 * @param amount       signed: positive money came in, negative went out
 * @param counterparty may be null when the bank gives none
 * @param bankAccount  the bank or card account the transaction was imported into; may be null when unknown
 */
public record TransactionFacts(String transactionId, LocalDate date, Money amount, String description,
                               String counterparty, AccountId bankAccount) {

    public TransactionFacts {
        Objects.requireNonNull(amount, "amount");
        description = description == null ? "" : description;
    }

    public boolean inflow() {
        return amount.isPositive();
    }

    /** The vendor as categorization sees it: the counterparty when the bank gives one, else from the description. */
    public String vendor() {
        return Vendors.normalize(counterparty != null && !counterparty.isBlank() ? counterparty : description);
    }
}

package ai.bookkeeper.ingest;

import ai.bookkeeper.ledger.AccountId;
import java.time.LocalDate;

/**
 * Which transactions to read; every component may be null for "any".
 *
 * @param includeSuperseded false hides PENDING lines that a BOOKED line has since confirmed (linked to)
 * @param text              words that must occur (case-insensitively) in the description, counterparty or reference;
 *                          null or blank for any
 */
public record TransactionFilter(AccountId bankAccount, LocalDate from, LocalDate to, ImportBatchId batch,
                                TransactionStatus status, boolean includeSuperseded, String text) {

    public TransactionFilter(AccountId bankAccount, LocalDate from, LocalDate to, ImportBatchId batch,
                             TransactionStatus status, boolean includeSuperseded) {
        this(bankAccount, from, to, batch, status, includeSuperseded, null);
    }

    public static TransactionFilter all() {
        return new TransactionFilter(null, null, null, null, null, false, null);
    }

    public TransactionFilter status(TransactionStatus wanted) {
        return new TransactionFilter(bankAccount, from, to, batch, wanted, includeSuperseded, text);
    }

    public TransactionFilter containing(String words) {
        return new TransactionFilter(bankAccount, from, to, batch, status, includeSuperseded, words);
    }

    public TransactionFilter account(AccountId account) {
        return new TransactionFilter(account, from, to, batch, status, includeSuperseded, text);
    }

    public TransactionFilter between(LocalDate first, LocalDate last) {
        return new TransactionFilter(bankAccount, first, last, batch, status, includeSuperseded, text);
    }

    public TransactionFilter batch(ImportBatchId id) {
        return new TransactionFilter(bankAccount, from, to, id, status, includeSuperseded, text);
    }

    public TransactionFilter withSuperseded() {
        return new TransactionFilter(bankAccount, from, to, batch, status, true, text);
    }
}

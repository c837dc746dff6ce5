package ai.bookkeeper.ingest;

import ai.bookkeeper.ledger.AccountId;
import java.time.LocalDate;

/**
 * Which transactions to read; every component may be null for "any".
 *
 * @param includeSuperseded false hides PENDING lines that a BOOKED line has since confirmed (linked to)
 */
public record TransactionFilter(AccountId bankAccount, LocalDate from, LocalDate to, ImportBatchId batch,
                                TransactionStatus status, boolean includeSuperseded) {

    public static TransactionFilter all() {
        return new TransactionFilter(null, null, null, null, null, false);
    }

    public TransactionFilter account(AccountId account) {
        return new TransactionFilter(account, from, to, batch, status, includeSuperseded);
    }

    public TransactionFilter between(LocalDate first, LocalDate last) {
        return new TransactionFilter(bankAccount, first, last, batch, status, includeSuperseded);
    }

    public TransactionFilter batch(ImportBatchId id) {
        return new TransactionFilter(bankAccount, from, to, id, status, includeSuperseded);
    }

    public TransactionFilter withSuperseded() {
        return new TransactionFilter(bankAccount, from, to, batch, status, true);
    }
}

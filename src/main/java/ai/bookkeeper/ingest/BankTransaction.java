package ai.bookkeeper.ingest;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One transaction of a bank statement, as imported: the read model categorization and reconciliation work from.
 *
 * @param bankAccount           the company's ledger bank account the statement belongs to
 * @param valueDate             may be null
 * @param amount                signed: positive is money in, negative money out
 * @param description           verbatim from the file (cells starting with = + - @ included: never evaluated)
 * @param normalizedDescription {@link Vendors#normalize(String)} of the description
 * @param counterparty          may be null
 * @param reference             may be null
 * @param bankTxnId             the bank's own id (FITID, AcctSvcrRef, reference column); may be null
 * @param fingerprint           what makes the line unique in its account: {@code id:<bank id>} when the file carries
 *                              the bank's own id (FITID, AcctSvcrRef/EndToEndId, a CSV reference column), else
 *                              {@code h:} + SHA-256 of date, amount, currency, normalized description and occurrence
 * @param occurrence            1 for the first line with this date, amount and description in its statement, 2 for
 *                              its twin, ...
 * @param linkedTo              for a BOOKED line that confirms an earlier PENDING one: that one; else null
 * @param transferPair          shared by the two legs of a transfer between two of the company's bank accounts; null
 *                              when this is no such leg
 * @param sourceLine            line number in the file
 */
public record BankTransaction(BankTransactionId id, AccountId bankAccount, ImportBatchId batch, LocalDate bookingDate,
                              LocalDate valueDate, Money amount, String description, String normalizedDescription,
                              String counterparty, String reference, String bankTxnId, String fingerprint,
                              int occurrence, TransactionStatus status, BankTransactionId linkedTo,
                              TransferPairId transferPair, long sourceLine, Instant createdAt) {

    public Optional<TransferPairId> transfer() {
        return Optional.ofNullable(transferPair);
    }

    public boolean isTransferLeg() {
        return transferPair != null;
    }
}

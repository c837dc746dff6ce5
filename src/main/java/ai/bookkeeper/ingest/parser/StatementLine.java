package ai.bookkeeper.ingest.parser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One transaction as a statement file states it, before it is mapped to a ledger account.
 *
 * @param line         line number in the file (1-based) where the transaction starts
 * @param accountRef   the statement's name for the account (CSV Account column, OFX ACCTID, CAMT IBAN); null when the
 *                     file names none
 * @param valueDate    may be null
 * @param amount       signed: positive is money in, negative money out
 * @param currency     ISO code; null when the file states none (the company currency applies)
 * @param counterparty may be null
 * @param reference    the file's reference column or check number; may be null
 * @param bankTxnId    the bank's own id for the transaction (FITID, AcctSvcrRef, reference column); may be null
 * @param pending      true when the bank marks the line as not yet booked
 * @param balanceAfter running balance after this line as the file states it; may be null
 */
public record StatementLine(long line, String accountRef, LocalDate bookingDate, LocalDate valueDate, BigDecimal amount,
                            String currency, String description, String counterparty, String reference,
                            String bankTxnId, boolean pending, BigDecimal balanceAfter) {
}

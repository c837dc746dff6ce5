package ai.bookkeeper.ingest.parser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A balance a statement file states (OFX LEDGERBAL, CAMT OPBD/CLBD).
 *
 * @param accountRef may be null
 * @param currency   may be null
 * @param sequence   the statement's sequence number (CAMT ElctrncSeqNb); may be null
 */
public record StatementBalance(String accountRef, Kind kind, LocalDate asOf, BigDecimal amount, String currency,
                               String sequence) {

    public enum Kind { OPENING, CLOSING }
}

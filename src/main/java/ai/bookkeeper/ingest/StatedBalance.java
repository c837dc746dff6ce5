package ai.bookkeeper.ingest;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;

/** A balance a statement stated for a bank account on a date: what reconciliation checks the ledger against. */
public record StatedBalance(AccountId bankAccount, LocalDate asOf, Money balance, boolean closing) {
}

package ai.bookkeeper.report;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.shared.Money;

/** One account's amount on a statement, signed so that the account's normal balance is positive. */
public record ReportLine(Account account, Money amount) {
}

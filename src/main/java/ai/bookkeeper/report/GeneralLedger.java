package ai.bookkeeper.report;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.Posting;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;

/** Every booked posting of each account within [from, to], with opening, running and closing balances (debit positive). */
public record GeneralLedger(LocalDate from, LocalDate to, List<AccountSection> accounts) {

    /** One account's page. */
    public record AccountSection(Account account, Money opening, List<Row> rows, Money closing) {
    }

    /** A posting and the account's balance after it. */
    public record Row(Posting posting, Money runningBalance) {
    }
}

package ai.bookkeeper.reconcile;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.UUID;

/** Small factories for bank lines and ledger items in tests. */
final class Lines {

    static final AccountId CHECKING = new AccountId(UUID.fromString("00000000-0000-7000-8000-000000000001"));
    static final AccountId CARD = new AccountId(UUID.fromString("00000000-0000-7000-8000-000000000002"));
    static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    private Lines() {
    }

    static Money usd(String amount) {
        return Money.of(amount, CurrencyCode.USD);
    }

    static BankLine line(String id, int day, String amount, String description) {
        return new BankLine(id, CHECKING, LocalDate.of(2026, 3, day), usd(amount), description);
    }

    static LedgerItem item(String id, int day, String amount, String description) {
        return new LedgerItem(id, CHECKING, LocalDate.of(2026, 3, day), usd(amount), description);
    }
}

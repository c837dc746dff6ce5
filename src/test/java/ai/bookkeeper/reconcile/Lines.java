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
    /** Vendors as a bank writes them (a format with one number) and as a bookkeeper describes the entry. */
    static final String[][] BANK_AND_LEDGER_TEXTS = {
            {"POS DEBIT STAPLES #%d 03/14", "Staples office supplies"},
            {"ACH DEBIT ADOBE *CREATIVE CLD %d", "Adobe Creative Cloud"},
            {"CHECKCARD AMAZON MKTPLACE PMTS %d", "Amazon Marketplace"},
            {"POS DEBIT BLUE BOTTLE COFFEE %d", "Blue Bottle Coffee"},
            {"ACH CREDIT CUSTOMER PAYMENT INV%d", "Customer payment"},
            {"SHELL OIL %d", "Shell fuel"}};

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

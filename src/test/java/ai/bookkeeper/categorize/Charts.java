package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import java.time.LocalDate;
import java.util.List;

/** A web-development chart like the template's, without a database. */
final class Charts {

    static final Account CHECKING = account("1000", "Business Checking", AccountType.ASSET, true);
    static final List<Account> WEB = List.of(CHECKING,
            account("1010", "Business Savings", AccountType.ASSET, true),
            account("3000", "Owner's Equity", AccountType.EQUITY, false),
            account("4000", "Service Revenue", AccountType.INCOME, false),
            account("6000", "Payroll & Contractors", AccountType.EXPENSE, false),
            account("6100", "Rent", AccountType.EXPENSE, false),
            account("6150", "Hosting & Cloud", AccountType.EXPENSE, false),
            account("6200", "Software Subscriptions", AccountType.EXPENSE, false),
            account("6300", "Insurance", AccountType.EXPENSE, false),
            account("6400", "Advertising & Marketing", AccountType.EXPENSE, false),
            account("6500", "Office Supplies", AccountType.EXPENSE, false));
    static final Chart WEB_CHART = Chart.of(BusinessType.WEB_DEVELOPMENT, WEB);

    private Charts() {
    }

    static Account account(String code, String name, AccountType type, boolean bank) {
        return new Account(AccountId.newId(), code, name, type, bank);
    }

    static TransactionFacts out(String amount, String description) {
        return new TransactionFacts("t", LocalDate.of(2026, 3, 2), Money.of(amount, CurrencyCode.USD).negate(),
                description, null, CHECKING.id());
    }

    static TransactionFacts in(String amount, String description) {
        return new TransactionFacts("t", LocalDate.of(2026, 3, 2), Money.of(amount, CurrencyCode.USD), description,
                null, CHECKING.id());
    }
}

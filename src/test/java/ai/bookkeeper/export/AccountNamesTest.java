package ai.bookkeeper.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountNamesTest {

    static Account account(String code, String name, AccountType type) {
        return new Account(AccountId.newId(), code, name, type, false);
    }

    @Test
    void chart_names_become_valid_hledger_and_beancount_account_names() {
        Account checking = account("1000", "Business Checking", AccountType.ASSET);
        Account equity = account("3000", "Owner's Equity", AccountType.EQUITY);
        Account repairs = account("6600", "Repairs & Maintenance", AccountType.EXPENSE);
        Account odd = account("6700", "café: 401k;  plan", AccountType.EXPENSE);
        List<Account> chart = List.of(checking, equity, repairs, odd);

        Map<AccountId, String> hledger = AccountNames.hledger(chart);
        assertThat(hledger.get(checking.id())).isEqualTo("Assets:Business Checking");
        assertThat(hledger.get(equity.id())).isEqualTo("Equity:Owner's Equity");
        assertThat(hledger.get(odd.id())).isEqualTo("Expenses:café- 401k, plan");

        Map<AccountId, String> beancount = AccountNames.beancount(chart);
        assertThat(beancount.get(checking.id())).isEqualTo("Assets:BusinessChecking");
        assertThat(beancount.get(equity.id())).isEqualTo("Equity:OwnersEquity");
        assertThat(beancount.get(repairs.id())).isEqualTo("Expenses:RepairsMaintenance");
        assertThat(beancount.get(odd.id())).isEqualTo("Expenses:Cafe401kPlan");
        assertThat(beancount.values()).allMatch(n -> n.matches("[A-Z][a-z]+(:[A-Z][A-Za-z0-9-]*)+"));
    }

    @Test
    void two_accounts_with_the_same_name_are_told_apart_by_their_code() {
        Account one = account("6100", "Rent", AccountType.EXPENSE);
        Account two = account("6110", "Rent!", AccountType.EXPENSE);
        Map<AccountId, String> beancount = AccountNames.beancount(List.of(one, two));
        assertThat(beancount.get(one.id())).isEqualTo("Expenses:Rent-A6100");
        assertThat(beancount.get(two.id())).isEqualTo("Expenses:Rent-A6110");
        assertThat(AccountNames.hledger(List.of(one, account("6120", "Rent", AccountType.EXPENSE))).get(one.id()))
                .isEqualTo("Expenses:Rent 6100");
    }

    @Test
    void beancount_strings_escape_quotes_backslashes_and_line_breaks() {
        assertThat(BeancountWriter.quote("He said \"hi\"\\\nbye")).isEqualTo("\"He said \\\"hi\\\"\\\\\\nbye\"");
        assertThat(HledgerWriter.description("a;b\nc")).isEqualTo("a,b c");
    }
}

package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Full account names for the plain-text tools, from the chart: the account's class as the top level (the five
 * names both tools know the account types by), the account's own name below it. Two accounts whose names map to
 * the same text are told apart by their code, so every account keeps a name of its own.
 */
final class AccountNames {

    private AccountNames() {
    }

    static String top(AccountType type) {
        return switch (type) {
            case ASSET -> "Assets";
            case LIABILITY -> "Liabilities";
            case EQUITY -> "Equity";
            case INCOME -> "Income";
            case EXPENSE -> "Expenses";
        };
    }

    /** {@code Assets:Business Checking}. hledger ends an account name at two spaces and splits it at colons. */
    static Map<AccountId, String> hledger(List<Account> accounts) {
        return unique(accounts, a -> hledgerSegment(a.name(), a.code()), a -> hledgerSegment(a.name() + " " + a.code(), a.code()));
    }

    /** {@code Assets:BusinessChecking}: Beancount wants each part to start with a capital and hold letters, digits, dashes. */
    static Map<AccountId, String> beancount(List<Account> accounts) {
        return unique(accounts, a -> beancountSegment(a.name(), a.code()), a -> beancountSegment(a.name(), a.code())
                + "-" + beancountSegment(a.code(), a.code()));
    }

    static String hledgerSegment(String name, String code) {
        String text = name.replace(':', '-').replace(';', ',').replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return text.isEmpty() ? "Account " + code : text;
    }

    static String beancountSegment(String name, String code) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder out = new StringBuilder();
        for (String word : ascii.replace("'", "").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (out.isEmpty() || !Character.isUpperCase(out.charAt(0))) {
            // a part may not start with a digit in every Beancount version; a letter in front is always safe
            out.insert(0, out.isEmpty() ? "Account" + code.replaceAll("[^A-Za-z0-9]", "") : "A");
        }
        return out.toString();
    }

    private static Map<AccountId, String> unique(List<Account> accounts, Function<Account, String> plain,
                                                 Function<Account, String> withCode) {
        Map<String, Long> uses = accounts.stream()
                .collect(Collectors.groupingBy(a -> full(a, plain), HashMap::new, Collectors.counting()));
        Map<AccountId, String> names = new LinkedHashMap<>();
        Map<String, Account> owners = new HashMap<>();
        for (Account account : accounts) {
            String name = uses.get(full(account, plain)) > 1 ? full(account, withCode) : full(account, plain);
            Account before = owners.putIfAbsent(name, account);
            if (before != null) {
                throw new IllegalStateException("Accounts " + before.label() + " and " + account.label()
                        + " both map to the export name " + name);
            }
            names.put(account.id(), name);
        }
        return names;
    }

    private static String full(Account account, Function<Account, String> segment) {
        return top(account.type()) + ":" + segment.apply(account);
    }
}

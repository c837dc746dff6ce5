package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.tenancy.BusinessType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A company's chart of accounts, looked up by code and id; loaded once per batch. */
record Chart(BusinessType businessType, Map<String, Account> byCode, Map<AccountId, Account> byId) {

    static Chart of(BusinessType businessType, List<Account> accounts) {
        Map<String, Account> byCode = new LinkedHashMap<>();
        Map<AccountId, Account> byId = new LinkedHashMap<>();
        for (Account account : accounts) {
            byCode.put(account.code(), account);
            byId.put(account.id(), account);
        }
        return new Chart(businessType, Map.copyOf(byCode), Map.copyOf(byId));
    }

    Optional<Account> account(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The accounts a transaction may be categorized into: all but the bank account it was imported into. */
    List<Account> candidates(TransactionFacts facts) {
        return byCode.values().stream().filter(a -> !a.id().equals(facts.bankAccount()))
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    String bankCode(TransactionFacts facts) {
        Account bank = facts.bankAccount() == null ? null : byId.get(facts.bankAccount());
        return bank == null ? null : bank.code();
    }
}

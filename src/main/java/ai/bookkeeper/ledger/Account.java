package ai.bookkeeper.ledger;

/**
 * One account of a company's chart.
 *
 * @param bank true for accounts that mirror a bank or card account, whose statements we import
 */
public record Account(AccountId id, String code, String name, AccountType type, boolean bank) {

    /** {@code 6100 Hosting}: how accounts are named to people. */
    public String label() {
        return code + " " + name;
    }
}

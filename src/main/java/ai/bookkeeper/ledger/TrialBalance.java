package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Debit and credit totals per account over booked (approved and posted) entries up to {@code asOf}.
 * In a sound ledger the two columns' totals are equal.
 */
public record TrialBalance(LocalDate asOf, CurrencyCode currency, List<Row> rows) {

    /** One account's totals. */
    public record Row(Account account, Money debits, Money credits) {
        /** Debits minus credits: positive for a debit balance. */
        public Money balance() {
            return debits.minus(credits);
        }
    }

    public TrialBalance {
        rows = List.copyOf(rows);
    }

    public Money totalDebits() {
        return rows.stream().map(Row::debits).reduce(Money.zero(currency), Money::plus);
    }

    public Money totalCredits() {
        return rows.stream().map(Row::credits).reduce(Money.zero(currency), Money::plus);
    }

    public boolean isBalanced() {
        return totalDebits().equals(totalCredits());
    }

    public Money balanceOf(String accountCode) {
        return rows.stream().filter(r -> r.account().code().equals(accountCode)).map(Row::balance).findFirst()
                .orElse(Money.zero(currency));
    }
}

package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.util.Objects;

/**
 * One posting: an amount on one side of one account. The amount is always positive; the side gives the direction.
 *
 * @param memo may be null
 */
public record JournalLine(AccountId account, Side side, Money amount, String memo) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidInputException("line.amount.not_positive", "A journal line's amount must be above zero, not "
                    + amount + "; put a negative amount on the other side (a credit instead of a debit) instead.");
        }
    }

    public static JournalLine debit(AccountId account, Money amount) {
        return new JournalLine(account, Side.DEBIT, amount, null);
    }

    public static JournalLine credit(AccountId account, Money amount) {
        return new JournalLine(account, Side.CREDIT, amount, null);
    }

    public JournalLine withAccount(AccountId other) {
        return new JournalLine(other, side, amount, memo);
    }

    /** The same amount on the other side: what a reversal posts. */
    public JournalLine reversed() {
        return new JournalLine(account, side.opposite(), amount, memo);
    }

    /** Debit positive, credit negative. */
    public Money signedAmount() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}

package ai.bookkeeper.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of one currency, held as a whole number of minor units (cents for USD).
 * Arithmetic across two currencies throws: converting needs a rate, and a rate is a business decision.
 * Conversion from decimals never rounds silently: {@link #of(BigDecimal, CurrencyCode)} refuses extra digits,
 * and {@link #of(BigDecimal, CurrencyCode, RoundingMode)} rounds in the mode the caller names.
 */
public record Money(long minorUnits, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minorUnits, CurrencyCode currency) {
        return new Money(minorUnits, currency);
    }

    /** Exact conversion; an amount with more decimals than the currency has is refused. */
    public static Money of(BigDecimal amount, CurrencyCode currency) {
        try {
            BigDecimal minor = amount.movePointRight(currency.fractionDigits()).setScale(0, RoundingMode.UNNECESSARY);
            return new Money(minor.longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new InvalidInputException("money.precision", "The amount " + amount.toPlainString() + " has more than "
                    + currency.fractionDigits() + " decimals, which " + currency + " does not have; round it first.");
        }
    }

    public static Money of(BigDecimal amount, CurrencyCode currency, RoundingMode rounding) {
        BigDecimal minor = amount.movePointRight(currency.fractionDigits()).setScale(0, rounding);
        return new Money(minor.longValueExact(), currency);
    }

    public static Money of(String amount, CurrencyCode currency) {
        return of(new BigDecimal(amount), currency);
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.fractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public Money abs() {
        return minorUnits < 0 ? negate() : this;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public int signum() {
        return Long.signum(minorUnits);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " with " + other
                    + ": the currencies differ and no exchange rate applies here");
        }
    }

    /** {@code USD 1036.47}, or {@code USD -5.00}: the form used in messages and exports. */
    @Override
    public String toString() {
        return currency + " " + toDecimal().toPlainString();
    }
}

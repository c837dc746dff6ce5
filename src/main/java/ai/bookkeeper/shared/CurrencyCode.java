package ai.bookkeeper.shared;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An ISO 4217 currency code such as {@code USD}; knows how many minor units its currency has. */
public record CurrencyCode(String value) {

    public static final CurrencyCode USD = new CurrencyCode("USD");

    public CurrencyCode {
        Objects.requireNonNull(value, "currency code");
        value = value.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency.unknown",
                    "'" + value + "' is not an ISO 4217 currency code; use a three-letter code such as USD or EUR.");
        }
    }

    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    /** Digits after the decimal point in this currency's minor unit: 2 for USD, 0 for JPY. */
    public int fractionDigits() {
        int digits = Currency.getInstance(value).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    @Override
    public String toString() {
        return value;
    }
}

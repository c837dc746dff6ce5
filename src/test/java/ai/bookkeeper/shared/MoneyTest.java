package ai.bookkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final CurrencyCode USD = CurrencyCode.USD;
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");

    @Test
    void decimal_amounts_convert_to_exact_minor_units() {
        assertThat(Money.of("1036.47", USD).minorUnits()).isEqualTo(103647);
        assertThat(Money.of("-0.10", USD).minorUnits()).isEqualTo(-10);
        assertThat(Money.of("500", JPY).minorUnits()).isEqualTo(500);
        assertThat(Money.ofMinor(103647, USD).toDecimal()).isEqualByComparingTo("1036.47");
    }

    @Test
    void extra_decimals_are_refused_unless_a_rounding_mode_is_named() {
        assertThatThrownBy(() -> Money.of("1.005", USD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("more than 2 decimals");
        assertThat(Money.of(new BigDecimal("1.005"), USD, RoundingMode.HALF_EVEN).minorUnits()).isEqualTo(100);
    }

    @Test
    void mixing_currencies_throws() {
        assertThatThrownBy(() -> Money.of("1", USD).plus(Money.of("1", JPY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currencies differ");
    }

    @Test
    void an_unknown_currency_code_is_refused_with_the_reason() {
        assertThatThrownBy(() -> CurrencyCode.of("XYZZ")).hasMessageContaining("ISO 4217");
    }

    @Test
    void overflow_is_an_error_not_a_wrap() {
        Money max = Money.ofMinor(Long.MAX_VALUE, USD);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, USD))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ids_are_version_7_uuids_in_creation_order() {
        var first = Ids.newId();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(Ids.newId()).isNotEqualTo(first);
    }
}

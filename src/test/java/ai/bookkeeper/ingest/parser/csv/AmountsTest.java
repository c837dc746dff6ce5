package ai.bookkeeper.ingest.parser.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1,036.47 | . | 1036.47", "-1,036.47 | . | -1036.47", "11'373.94 | . | 11373.94", "(12.50) | . | -12.50",
            "12.50- | . | -12.50", "$ 5.00 | . | 5.00", "+7 | . | 7", "1.234,56 | , | 1234.56", "-4,20 | , | -4.20",
            "2’500.00 | . | 2500.00", "1 234,56 EUR | , | 1234.56"})
    void amounts_are_read_as_banks_write_them(String text, char decimal, String expected) {
        assertThat(Amounts.parse(text, decimal)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12.3.4 | .", "12.50 | ,", "abc | .", "1,23.45 | .", "'' | ."})
    void anything_else_is_refused_rather_than_guessed(String text, char decimal) {
        assertThatThrownBy(() -> Amounts.parse(text, decimal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an amount");
    }
}

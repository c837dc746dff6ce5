package ai.bookkeeper.ingest.parser.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Whatever style a bank writes an amount in, it reads back to the same exact value. */
class AmountsProperties {

    @Property(tries = 300)
    void every_bank_style_of_writing_an_amount_reads_back_exactly(@ForAll @LongRange(min = -99_999_999_999L, max = 99_999_999_999L) long cents) {
        BigDecimal value = BigDecimal.valueOf(cents, 2);
        String plain = value.abs().toPlainString();
        String[] parts = plain.split("\\.");
        String sign = cents < 0 ? "-" : "";
        assertThat(Amounts.parse(sign + group(parts[0], ",") + "." + parts[1], '.')).isEqualByComparingTo(value);
        assertThat(Amounts.parse(sign + group(parts[0], "'") + "." + parts[1], '.')).isEqualByComparingTo(value);
        assertThat(Amounts.parse(sign + group(parts[0], ".") + "," + parts[1], ',')).isEqualByComparingTo(value);
        assertThat(Amounts.parse(cents < 0 ? "(" + plain + ")" : plain, '.')).isEqualByComparingTo(value);
    }

    private static String group(String digits, String separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}

package ai.bookkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class CentsProperties {

    @Property
    void an_amount_prints_as_its_exact_decimal_with_two_places_and_no_separators(
            @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long cents) {
        String printed = Cents.format(cents);
        assertThat(printed).matches("-?\\d+\\.\\d{2}");
        assertThat(new BigDecimal(printed)).isEqualTo(BigDecimal.valueOf(cents, 2));
    }

    @Property
    void a_description_is_never_longer_than_a_bank_prints(@ForAll String raw) {
        String cut = Descriptions.cut(raw);
        assertThat(cut.length()).isLessThanOrEqualTo(Descriptions.MAX_LENGTH);
        assertThat(raw.toUpperCase(java.util.Locale.ROOT)).startsWith(cut);
    }
}

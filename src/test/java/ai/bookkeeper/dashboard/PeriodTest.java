package ai.bookkeeper.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class PeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    @Test
    void without_a_choice_the_range_is_the_last_twelve_months_and_a_choice_is_remembered() {
        MockHttpSession session = new MockHttpSession();
        assertThat(Period.resolve(null, "", session, TODAY)).isEqualTo(new Period(LocalDate.parse("2025-12-01"), TODAY));
        Period chosen = Period.resolve("2026-01-01", "2026-04-30", session, TODAY);
        assertThat(Period.resolve(null, null, session, TODAY)).isEqualTo(chosen);
        assertThat(Period.resolve(null, "2026-05-31", session, TODAY).from()).isEqualTo(LocalDate.parse("2026-01-01"));
    }

    @Test
    void a_bad_date_or_a_start_after_the_end_is_refused_with_what_to_write() {
        MockHttpSession session = new MockHttpSession();
        assertThatThrownBy(() -> Period.resolve("01/02/2026", null, session, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> Period.resolve("2026-05-01", "2026-04-30", session, TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("on or before the end");
    }

    @Test
    void months_are_clipped_to_the_range_and_capped() {
        var months = new Period(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-10")).months();
        assertThat(months).extracting(Period::from).containsExactly(LocalDate.parse("2026-01-15"),
                LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        assertThat(months.get(2).to()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(new Period(LocalDate.parse("2010-01-01"), TODAY).months()).hasSize(Period.MAX_MONTHS)
                .last().extracting(Period::to).isEqualTo(TODAY);
    }
}

package ai.bookkeeper.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void ids_made_in_one_millisecond_sort_in_the_order_they_were_made_and_stay_version_7() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(Ids.newId(frozen).toString());
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        for (String id : made) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            // never before the clock; later when an id made earlier in this process was later still
            assertThat(uuid.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(Instant.parse("2026-11-26T04:00:00Z").toEpochMilli());
        }
    }

    @Test
    void a_clock_that_goes_back_does_not_make_an_id_sort_before_the_last_one() {
        String later = Ids.newId(Clock.fixed(Instant.parse("2026-11-26T04:00:01Z"), ZoneOffset.UTC)).toString();
        String earlier = Ids.newId(Clock.fixed(Instant.parse("2026-11-26T03:59:00Z"), ZoneOffset.UTC)).toString();

        assertThat(earlier).isGreaterThan(later);
    }
}

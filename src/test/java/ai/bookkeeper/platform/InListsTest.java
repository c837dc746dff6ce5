package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Property
    void chunks_hold_every_value_in_order_padded_to_a_few_lengths_with_their_last_value(
            @ForAll @IntRange(min = 0, max = 2_100) int size) {
        List<Integer> values = IntStream.range(0, size).boxed().toList();
        List<List<Integer>> chunks = InLists.chunks(values);

        List<Integer> seen = new ArrayList<>();
        for (List<Integer> chunk : chunks) {
            assertThat(chunk.size()).isIn(1, 2, 4, 8, 16, 32, 64, 128, 256, InLists.CHUNK);
            List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(chunk));
            // the padding repeats the chunk's last value and nothing else
            Integer last = distinct.get(distinct.size() - 1);
            assertThat(chunk.subList(distinct.size(), chunk.size())).allMatch(last::equals);
            seen.addAll(distinct);
        }
        assertThat(seen).isEqualTo(values);
        assertThat(chunks).hasSize((size + InLists.CHUNK - 1) / InLists.CHUNK);
    }

    @Test
    void a_chunk_is_padded_to_the_next_power_of_two_and_above_half_a_chunk_to_a_whole_one() {
        assertThat(InLists.paddedLength(1)).isEqualTo(1);
        assertThat(InLists.paddedLength(3)).isEqualTo(4);
        assertThat(InLists.paddedLength(256)).isEqualTo(256);
        assertThat(InLists.paddedLength(257)).isEqualTo(InLists.CHUNK);
        assertThat(InLists.paddedLength(InLists.CHUNK)).isEqualTo(InLists.CHUNK);
        assertThat(InLists.chunks(List.of("a", "b", "c"))).containsExactly(List.of("a", "b", "c", "c"));
    }
}

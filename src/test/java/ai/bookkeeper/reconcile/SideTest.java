package ai.bookkeeper.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SideTest {

    @Property(tries = 200)
    void the_index_sort_orders_like_a_stable_library_sort(@ForAll @Size(max = 300) int[] keys,
                                                           @ForAll @IntRange(min = 1, max = 7) int modulus) {
        int[] indices = new int[keys.length];
        Arrays.setAll(indices, i -> i);
        Side.IndexOrder order = (a, b) -> Integer.compare(Math.floorMod(keys[a], modulus), Math.floorMod(keys[b], modulus));

        int[] sorted = Side.sort(indices.clone(), order);

        Integer[] expected = Arrays.stream(indices).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingInt(i -> Math.floorMod(keys[i], modulus)));
        assertThat(sorted).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
}

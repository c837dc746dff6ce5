package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;

/** The similar examples shown to a reviewer: the ones sharing most words, ties in the examples' order. */
class SimilarExamplesProperties {

    private static final List<String> VOCABULARY = List.of("AMAZON", "MKTPLACE", "FIGMA", "POS", "SF", "CA", "WEWORK",
            "HETZNER", "ONLINE", "ACME", "CORP", "INVOICE");

    @Property(tries = 300)
    void picks_what_a_stable_sort_by_shared_words_would_pick(
            @ForAll @Size(max = 40) @UniqueElements List<@StringLength(min = 1, max = 12) String> candidates,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 4095) Integer> wordMasks,
            @ForAll @IntRange(min = 0, max = 4095) int queryMask,
            @ForAll @IntRange(min = 0, max = 5) int limit) {
        Map<String, Set<String>> wordsOf = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            wordsOf.put(candidates.get(i), words(i < wordMasks.size() ? wordMasks.get(i) : 0));
        }
        Set<String> query = words(queryMask);

        // the reference: every candidate's overlap, then a stable sort, most first
        List<String> expected = candidates.stream()
                .sorted(Comparator.comparingLong((String c) -> -wordsOf.get(c).stream().filter(query::contains).count()))
                .limit(limit).toList();

        assertThat(TextClassifier.mostAlike(candidates, wordsOf::get, query, limit)).isEqualTo(expected);
    }

    private static Set<String> words(int mask) {
        Set<String> words = new HashSet<>();
        for (int bit = 0; bit < VOCABULARY.size(); bit++) {
            if ((mask & (1 << bit)) != 0) {
                words.add(VOCABULARY.get(bit));
            }
        }
        return words;
    }
}

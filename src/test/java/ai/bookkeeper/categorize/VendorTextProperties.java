package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The one-pass normalization of ASCII bank text gives exactly what the regular expressions it replaced gave, for
 * every description: the rules, the vendor key and the model's features see the same words as before.
 */
class VendorTextProperties {

    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    @Property(tries = 2000)
    void normalizes_text_as_the_regular_expressions_did(@ForAll("descriptions") String raw) {
        assertThat(Vendors.text(raw)).isEqualTo(referenceText(raw));
    }

    @Property(tries = 2000)
    void keeps_the_same_words_as_before(@ForAll("descriptions") String raw) {
        assertThat(Vendors.words(raw)).isEqualTo(referenceWords(raw));
    }

    @Example
    void drops_card_noise_numbers_and_trailing_states_from_the_vendor_key() {
        assertThat(Vendors.normalize("POS DEBIT SQ *BLUE BOTTLE #0231 OAKLAND CA")).isEqualTo("BLUE BOTTLE OAKLAND");
        assertThat(Vendors.normalize("  amazon web-services   aws.amazon.co INV20260311 ")).isEqualTo("AMAZON WEB SERVICES");
        assertThat(Vendors.normalize("Café Crème 12")).isEqualTo("CAFE CREME");
        assertThat(Vendors.normalize("1234 5678")).isEmpty();
        assertThat(Vendors.text(null)).isEmpty();
    }

    @Provide
    Arbitrary<String> descriptions() {
        // letters of both cases, digits, the punctuation banks use, runs of spaces, and now and then a letter with
        // a diacritic or one outside Latin, so that both paths are taken
        Arbitrary<Character> ascii = Arbitraries.chars().with("abcxyzABCXYZ0123456789 *#-./&',:_()\t".toCharArray());
        Arbitrary<Character> other = Arbitraries.chars().with("éÉüßøÆçñЖ中\u0301".toCharArray());
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of("POS", "DEBIT", "SQ", "CA", "NY", "INC", "AMAZON", "WEB", "X7Q2931", "INV20260311",
                        "12", "0231", "A1", "AB12CD34", "ab", "q"));
        return Arbitraries.frequencyOf(
                        Tuple.of(6, ascii.map(String::valueOf)),
                        Tuple.of(4, words.map(w -> w + " ")),
                        Tuple.of(1, other.map(String::valueOf)))
                .list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    private static String referenceText(String raw) {
        String plain = DIACRITICS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        return NON_ALNUM.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    // the noise words are the same list on both sides: the property is about the tokenizing, not the list
    private static List<String> referenceWords(String raw) {
        List<String> words = new ArrayList<>();
        for (String token : referenceText(raw).split(" ")) {
            long digits = token.chars().filter(Character::isDigit).count();
            boolean reference = digits >= 3 || (digits > 0 && token.length() >= 8);
            if (token.length() >= 2 && !Vendors.NOISE.contains(token) && !token.chars().allMatch(Character::isDigit)
                    && !reference) {
                words.add(token);
            }
        }
        return words;
    }
}

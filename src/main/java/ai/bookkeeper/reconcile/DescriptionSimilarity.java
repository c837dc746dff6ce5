package ai.bookkeeper.reconcile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two descriptions are, in [0, 1], deterministically. Both are normalized first: upper case, split on
 * anything but letters and digits, and tokens that carry no vendor are dropped — bank noise words (POS, DEBIT, ACH,
 * CARD …), single letters, and every token with a digit (store numbers, dates, card suffixes, reference numbers).
 * The similarity is the best of: token Jaccard; 0.9 × the overlap coefficient (one name inside the other, as in
 * AMAZON vs AMAZON MKTPLACE); and Jaro-Winkler of the normalized texts when it is at least 0.85 (spelling variants;
 * below that Jaro-Winkler mostly measures shared letters of unrelated names). Two empty texts are 0: no evidence.
 * Not thread-safe: it caches normalized texts, one instance per run.
 */
final class DescriptionSimilarity {

    private static final Set<String> NOISE = Set.of("POS", "DEBIT", "CREDIT", "ACH", "CARD", "PURCHASE", "CHECKCARD",
            "VISA", "MASTERCARD", "MC", "DDA", "PPD", "CCD", "WEB", "TST", "THE", "INC", "LLC", "LTD", "CO", "CORP",
            "WWW", "COM", "ONLINE", "RECURRING", "PMT", "PENDING", "AUTH", "REF", "ID", "TRN", "TXN", "NO", "NR",
            "STORE", "PAYMENT", "WITHDRAWAL", "DEPOSIT", "ELECTRONIC", "EFT", "DBT", "CRD", "PUR", "XX", "XXX", "XXXX");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final String[] NONE = new String[0];

    private final Map<String, Normalized> cache = new HashMap<>();

    /** Sorted distinct tokens and their join, computed once per distinct text. */
    private record Normalized(String[] tokens, String joined) {
    }

    double similarity(String a, String b) {
        Normalized na = normalize(a);
        Normalized nb = normalize(b);
        String[] x = na.tokens();
        String[] y = nb.tokens();
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = commonCount(x, y);
        double jaccard = (double) common / (x.length + y.length - common);
        if (x.length + y.length == 2 * common) { // jaccard is exactly 1, compared in integers, not floating point
            return 1.0;
        }
        double overlap = 0.9 * common / Math.min(x.length, y.length);
        double jaroWinkler = JARO_WINKLER.apply(na.joined(), nb.joined());
        return Math.max(Math.max(jaccard, overlap), jaroWinkler >= 0.85 ? jaroWinkler : 0);
    }

    /** The normalized text, for reasons and tests. */
    String normalized(String text) {
        return normalize(text).joined();
    }

    private Normalized normalize(String text) {
        Normalized cached = cache.get(text);
        if (cached == null) {
            String[] tokens = tokenize(text);
            cached = new Normalized(tokens, String.join(" ", tokens));
            cache.put(text, cached);
        }
        return cached;
    }

    private static String[] tokenize(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        boolean digit = false;
        for (int i = 0; i <= upper.length(); i++) {
            char c = i < upper.length() ? upper.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (start < 0) {
                    start = i;
                    digit = false;
                }
                digit |= Character.isDigit(c);
            } else if (start >= 0) {
                String token = upper.substring(start, i);
                if (!digit && token.length() > 1 && !NOISE.contains(token)) {
                    tokens.add(token);
                }
                start = -1;
            }
        }
        return tokens.stream().distinct().sorted().toArray(String[]::new);
    }

    private static int commonCount(String[] x, String[] y) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            int c = x[i].compareTo(y[j]);
            if (c == 0) {
                common++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }
}

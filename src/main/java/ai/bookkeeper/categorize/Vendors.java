package ai.bookkeeper.categorize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns bank descriptions into comparable text. Banks decorate the same vendor differently from one statement to
 * the next ("POS DEBIT SQ *BLUE BOTTLE #0231 OAKLAND CA"), so matching, memory and features all work on the
 * normalized form: upper case, letters and digits only, card-network prefixes and reference numbers removed.
 */
final class Vendors {

    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Set<String> NOISE = Set.of("POS", "DEBIT", "CREDIT", "CARD", "PURCHASE", "CHECKCARD", "ACH",
            "SQ", "TST", "PAYPAL", "PP", "ONLINE", "PAYMENT", "PMT", "WWW", "COM", "INC", "LLC", "LTD", "CO", "CORP",
            "THE", "RECURRING", "AUTOPAY", "VISA", "MC", "DBT", "PREAUTH", "ID", "REF", "TRN", "XFER", "ORIG",
            "HTTPS", "HTTP", "US", "USA");
    // two-letter state codes trail card descriptions ("OAKLAND CA"); dropping them only from the end keeps "CA" inside names
    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "DC");

    private Vendors() {
    }

    /** Upper-case letters and digits separated by single spaces: the form "contains" patterns are matched in. */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String plain = DIACRITICS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        return NON_ALNUM.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The words of {@link #text} without digits-only tokens and noise words. */
    static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        for (String token : text(raw).split(" ")) {
            if (token.length() >= 2 && !NOISE.contains(token) && !token.chars().allMatch(Character::isDigit)
                    && !looksLikeReference(token)) {
                words.add(token);
            }
        }
        return words;
    }

    /** The vendor key: the first three meaningful words ("AMAZON WEB SERVICES"), or "" when there are none. */
    static String normalize(String raw) {
        List<String> words = words(raw);
        while (words.size() > 1 && STATES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words.subList(0, Math.min(3, words.size())));
    }

    // store numbers and transaction references mix letters and many digits ("X7Q2931", "INV20260311")
    private static boolean looksLikeReference(String token) {
        long digits = token.chars().filter(Character::isDigit).count();
        return digits >= 3 || (digits > 0 && token.length() >= 8);
    }
}

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
    static final Set<String> NOISE = Set.of("POS", "DEBIT", "CREDIT", "CARD", "PURCHASE", "CHECKCARD", "ACH",
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
        if (!ascii(raw)) {
            String plain = DIACRITICS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
            return NON_ALNUM.matcher(plain.toUpperCase(Locale.ROOT)).replaceAll(" ").trim();
        }
        // the same for ASCII text, which has no marks to drop, in one pass: this runs several times for every
        // transaction categorized (rules, vendor key, features, the offline provider)
        StringBuilder text = new StringBuilder(raw.length());
        boolean gap = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (gap && text.length() > 0) {
                    text.append(' ');
                }
                gap = false;
                text.append(c);
            } else {
                gap = true;
            }
        }
        return text.toString();
    }

    /** The words of {@link #text} without digits-only tokens and noise words. */
    static List<String> words(String raw) {
        List<String> words = new ArrayList<>();
        String text = text(raw);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = text.length();
            }
            String token = text.substring(start, end);
            if (token.length() >= 2 && !NOISE.contains(token) && !looksLikeReference(token)) {
                words.add(token);
            }
            start = end + 1;
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

    // store numbers and transaction references mix letters and many digits ("X7Q2931", "INV20260311"); a token of
    // digits only is a number, not a word
    private static boolean looksLikeReference(String token) {
        int digits = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits >= 3 || (digits > 0 && token.length() >= 8) || digits == token.length();
    }

    private static boolean ascii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

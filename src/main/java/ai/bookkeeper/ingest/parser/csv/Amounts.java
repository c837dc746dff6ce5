package ai.bookkeeper.ingest.parser.csv;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts as banks write them: {@code -1,036.47}, {@code 1.036,47}, {@code 11'373.94}, {@code (12.50)},
 * {@code 12.50-}, {@code $ 5.00}. Thousands separators must group by three, so that a decimal point read under a
 * decimal-comma profile fails instead of making 12.50 into 1250.
 */
public final class Amounts {

    private static final Pattern POINT = Pattern.compile("^(\\d+|\\d{1,3}(?:[,'’ \u00A0\u202F]\\d{3})+)(?:\\.(\\d+))?$");
    private static final Pattern COMMA = Pattern.compile("^(\\d+|\\d{1,3}(?:[.'’ \u00A0\u202F]\\d{3})+)(?:,(\\d+))?$");
    private static final Pattern NOISE = Pattern.compile("[$€£¥]|\\b(?:USD|EUR|CHF|GBP|CAD)\\b|\\s+$|^\\s+");

    private Amounts() {
    }

    /** @throws IllegalArgumentException saying what the text is not */
    public static BigDecimal parse(String raw, char decimalSeparator) {
        if (isPlain(raw, decimalSeparator)) {
            // the common case (-1234.56), read without regular expressions: a million rows must stream fast
            return new BigDecimal(decimalSeparator == '.' ? raw : raw.replace(',', '.'));
        }
        String text = NOISE.matcher(raw).replaceAll("").strip();
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.startsWith("-") || text.startsWith("−")) {
            negative = !negative;
            text = text.substring(1).strip();
        } else if (text.startsWith("+")) {
            text = text.substring(1).strip();
        } else if (text.endsWith("-")) {
            negative = !negative;
            text = text.substring(0, text.length() - 1).strip();
        }
        text = NOISE.matcher(text).replaceAll("").strip();
        Matcher m = (decimalSeparator == ',' ? COMMA : POINT).matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an amount (expected e.g. "
                    + (decimalSeparator == ',' ? "-1.234,56" : "-1,234.56") + ")");
        }
        String digits = m.group(1).replaceAll("[^0-9]", "") + (m.group(2) == null ? "" : "." + m.group(2));
        BigDecimal value = new BigDecimal(digits);
        return negative ? value.negate() : value;
    }

    private static boolean isPlain(String text, char decimalSeparator) {
        int length = text.length();
        int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digitsBefore = 0;
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digitsBefore++;
        }
        if (digitsBefore == 0 || digitsBefore > 15) {
            return false;
        }
        if (i == length) {
            return true;
        }
        if (text.charAt(i) != decimalSeparator || i + 1 == length) {
            return false;
        }
        for (int j = i + 1; j < length; j++) {
            if (text.charAt(j) < '0' || text.charAt(j) > '9') {
                return false;
            }
        }
        return length - i - 1 <= 6;
    }

    public static boolean looksLikeAmount(String raw, char decimalSeparator) {
        try {
            parse(raw, decimalSeparator);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

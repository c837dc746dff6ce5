package ai.bookkeeper.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a bank description to the merchant it names, so that {@code POS DEBIT 01/14 STARBUCKS #1234 SEATTLE}
 * and {@code STARBUCKS 5521} compare equal for categorization and reconciliation.
 */
public final class Vendors {

    private static final Pattern PREFIXES = Pattern.compile("^(?:(?:POS|ACH|DEBIT|CREDIT|CARD|CHECKCARD|CHECK CARD|PURCHASE"
            + "|AUTHORIZED ON|RECURRING|PAYMENT|ONLINE|PREAUTHORIZED|PRE AUTHORIZED|VISA|MC|WITHDRAWAL|DEPOSIT|ELECTRONIC"
            + "|LASTSCHRIFT|GUTSCHRIFT|KARTENZAHLUNG|SEPA|SQ|TST|PP|PAYPAL)\\b\\s*)+");
    private static final Pattern DATES = Pattern.compile("\\b\\d{1,4}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?\\b");
    private static final Pattern CARD = Pattern.compile("\\b(?:CARD|KARTE)\\s*(?:NO\\.?\\s*)?[X*]*\\d{4}\\b|\\bX{2,}\\d{2,4}\\b|[*]+\\d{2,}");
    private static final Pattern STORE_NUMBER = Pattern.compile("#\\s*\\d+|\\b\\d{3,}\\b");
    private static final Pattern NOISE = Pattern.compile("[^\\p{L}\\p{N}&' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Vendors() {
    }

    /** Uppercase merchant name without card, store, date and payment-channel noise; empty for a null or blank text. */
    public static String normalize(String description) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String text = description.toUpperCase(Locale.ROOT);
        text = CARD.matcher(text).replaceAll(" ");
        text = DATES.matcher(text).replaceAll(" ");
        text = STORE_NUMBER.matcher(text).replaceAll(" ");
        text = NOISE.matcher(text).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        String stripped = PREFIXES.matcher(text).replaceFirst("").strip();
        return stripped.isEmpty() ? text : stripped;
    }
}

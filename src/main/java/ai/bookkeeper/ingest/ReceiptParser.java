package ai.bookkeeper.ingest;

import ai.bookkeeper.ingest.parser.csv.Amounts;
import ai.bookkeeper.ingest.parser.csv.CsvProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads vendor, date, total and currency from a receipt's text: what reconciliation matches a payment on. */
final class ReceiptParser {

    record Fields(String vendor, LocalDate date, BigDecimal total, String currency) {
    }

    private static final Pattern NOT_VENDOR = Pattern.compile(
            "(?i)^(receipt|invoice|rechnung|quittung|tax invoice|order|welcome|thank|date|tel|phone|www\\.|http).*");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2}/\\d{1,2}/\\d{4})\\b");
    private static final Pattern EU_DATE = Pattern.compile("\\b(\\d{1,2}\\.\\d{1,2}\\.\\d{4})\\b");
    private static final Pattern TEXT_DATE = Pattern.compile("\\b([A-Z][a-z]{2,8}\\.? \\d{1,2}, \\d{4})\\b");
    private static final Pattern TOTAL_STRONG = Pattern.compile("(?i)\\b(grand total|total due|amount due|balance due|total paid|gesamtbetrag|summe)\\b");
    private static final Pattern TOTAL = Pattern.compile("(?i)\\b(total|gesamt|betrag)\\b");
    private static final Pattern NOT_TOTAL = Pattern.compile("(?i)(sub\\s*-?total|total tax|tax total|total items|items total|savings)");
    private static final Pattern AMOUNT = Pattern.compile("-?[$€£]?\\s?(\\d{1,3}(?:[,.' ]\\d{3})*[.,]\\d{2}|\\d+[.,]\\d{2})\\b");

    private ReceiptParser() {
    }

    private static final Pattern VENDOR_LABEL = Pattern.compile("(?i)^(vendor|merchant|store|seller|sold by|from)\\s*:\\s*(.+)$");

    static Fields parse(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        // a labelled "Vendor: …" line wins; otherwise the first line that reads like a name
        String vendor = lines.stream().map(VENDOR_LABEL::matcher).filter(Matcher::matches).map(m -> m.group(2).strip())
                .findFirst()
                .orElseGet(() -> lines.stream().filter(l -> l.chars().filter(Character::isLetter).count() >= 3)
                        .filter(l -> !NOT_VENDOR.matcher(l).matches()).findFirst().orElse(null));
        return new Fields(vendor, date(text), total(lines), currency(text));
    }

    private static LocalDate date(String text) {
        Object[][] attempts = {{ISO_DATE, "yyyy-MM-dd"}, {US_DATE, "M/d/yyyy"}, {EU_DATE, "d.M.yyyy"}, {TEXT_DATE, "MMM d, yyyy"}};
        for (Object[] attempt : attempts) {
            Matcher m = ((Pattern) attempt[0]).matcher(text);
            while (m.find()) {
                try {
                    String value = m.group(1).replace(".", attempt[1].equals("d.M.yyyy") ? "." : "");
                    DateTimeFormatter format = attempt[1].equals("MMM d, yyyy")
                            ? DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH) : CsvProfile.formatter((String) attempt[1]);
                    return LocalDate.parse(value, format);
                } catch (DateTimeParseException e) {
                    // not a date after all (e.g. 13/45/2026); try the next match
                }
            }
        }
        return null;
    }

    private static BigDecimal total(List<String> lines) {
        BigDecimal strong = null;
        BigDecimal weak = null;
        for (String line : lines) {
            if (NOT_TOTAL.matcher(line).find()) {
                continue;
            }
            boolean isStrong = TOTAL_STRONG.matcher(line).find();
            if (!isStrong && !TOTAL.matcher(line).find()) {
                continue;
            }
            BigDecimal amount = lastAmount(line);
            if (amount == null) {
                continue;
            }
            if (isStrong && strong == null) {
                strong = amount;
            } else if (!isStrong) {
                weak = amount;
            }
        }
        return strong != null ? strong : weak;
    }

    private static BigDecimal lastAmount(String line) {
        Matcher m = AMOUNT.matcher(line);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return null;
        }
        char decimal = last.matches(".*,\\d{2}$") ? ',' : '.';
        try {
            return Amounts.parse(last, decimal);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String currency(String text) {
        if (text.contains("€") || text.contains("EUR")) {
            return "EUR";
        }
        if (text.contains("CHF")) {
            return "CHF";
        }
        if (text.contains("£") || text.contains("GBP")) {
            return "GBP";
        }
        if (text.contains("$") || text.contains("USD")) {
            return "USD";
        }
        return null;
    }
}

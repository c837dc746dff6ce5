package ai.bookkeeper.ingest.parser.csv;

import ai.bookkeeper.ingest.parser.StatementParseException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Guesses a {@link CsvProfile} from the first 64 KB of a file: the delimiter that gives the most rows of one width,
 * the header row (the first row naming known columns, after any preamble), column roles by header synonyms in
 * English and German, or by content when there is no header (Wells Fargo), then date format and decimal separator
 * from the values. The user sees the result as YAML and may correct and save it.
 */
public final class CsvDetector {

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final String[] DATE_FORMATS = {"MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "dd.MM.yy",
            "dd/MM/yyyy", "MM/dd/yy", "M/d/yy", "yyyyMMdd", "dd-MM-yyyy", "yyyy/MM/dd"};
    private static final int SAMPLE_ROWS = 40;
    private static final java.util.regex.Pattern CURRENCY_IN_HEADER =
            java.util.regex.Pattern.compile("\\b(CHF|EUR|USD|GBP|CAD)\\b");

    /** Per field: header names in priority order. Names of 5+ letters also match as a prefix or suffix. */
    private static final Map<CsvField, List<String>> SYNONYMS = new java.util.LinkedHashMap<>();

    static {
        SYNONYMS.put(CsvField.INDICATOR, List.of("sollhaben", "sh", "creditdebit", "debitcredit", "drcr", "crdr",
                "indicator", "creditdebitindicator"));
        SYNONYMS.put(CsvField.VALUE_DATE, List.of("valuedate", "valuta", "valutadatum", "wertstellung", "valuedate"));
        SYNONYMS.put(CsvField.DEBIT, List.of("debit", "withdrawals", "withdrawal", "moneyout", "paidout", "lastschrift",
                "belastung", "soll", "ausgang"));
        SYNONYMS.put(CsvField.CREDIT, List.of("credit", "deposits", "deposit", "moneyin", "paidin", "gutschrift", "haben",
                "eingang"));
        SYNONYMS.put(CsvField.BALANCE, List.of("balance", "runningbal", "runningbalance", "saldo", "kontostand"));
        SYNONYMS.put(CsvField.REFERENCE, List.of("reference", "ref", "referencenumber", "checkorslip", "checknumber",
                "checkno", "kundenreferenz", "referenz", "transactionid", "transactionno", "fitid"));
        SYNONYMS.put(CsvField.ACCOUNT, List.of("account", "accountnumber", "accountno", "cardno", "konto", "auftragskonto"));
        SYNONYMS.put(CsvField.COUNTERPARTY, List.of("payee", "counterparty", "auftraggeberzahlungsempfänger",
                "begünstigterzahlungspflichtiger", "beguenstigterzahlungspflichtiger", "zahlungsempfänger", "name"));
        SYNONYMS.put(CsvField.CURRENCY, List.of("currency", "währung", "waehrung", "ccy"));
        SYNONYMS.put(CsvField.STATUS, List.of("status"));
        SYNONYMS.put(CsvField.DATE, List.of("postingdate", "posteddate", "postdate", "bookingdate", "buchungstag",
                "buchungsdatum", "date", "datum", "transactiondate", "tradedate"));
        SYNONYMS.put(CsvField.AMOUNT, List.of("amount", "betrag", "umsatz", "transactionamount", "individualamount"));
        SYNONYMS.put(CsvField.DESCRIPTION, List.of("description", "transactiondescription", "verwendungszweck",
                "buchungstext", "avisierungstext", "beschreibung", "text", "memo", "details", "narrative"));
    }

    private CsvDetector() {
    }

    public static CsvProfile detect(String head, String encoding) {
        List<String> lines = head.lines().limit(400).toList();
        if (lines.stream().allMatch(String::isBlank)) {
            throw new StatementParseException(0, "the file is empty");
        }
        // the head may end inside a record: drop the last line unless the head is the whole file
        boolean complete = head.endsWith("\n") || head.endsWith("\r");
        String sample = String.join("\n", complete || lines.size() == 1 ? lines : lines.subList(0, lines.size() - 1));
        char delimiter = ',';
        List<List<String>> best = null;
        int bestScore = -1;
        for (char candidate : DELIMITERS) {
            List<List<String>> rows = rows(sample, candidate);
            int score = score(rows);
            if (score > bestScore) {
                bestScore = score;
                best = rows;
                delimiter = candidate;
            }
        }
        if (best == null || bestScore <= 0) {
            throw new StatementParseException(1, "the file is not a CSV statement: no delimiter (, ; tab |) splits its"
                    + " lines into columns of one width");
        }
        int width = modalWidth(best);
        for (int i = 0; i < Math.min(best.size(), SAMPLE_ROWS); i++) {
            List<String> row = best.get(i);
            Map<CsvField, String> columns = byHeader(row);
            if (row.size() >= 2 && columns.containsKey(CsvField.DATE) && (columns.containsKey(CsvField.AMOUNT)
                    || columns.containsKey(CsvField.DEBIT) || columns.containsKey(CsvField.CREDIT))) {
                return profile(encoding, delimiter, i, true, row, columns, best.subList(i + 1, best.size()));
            }
        }
        for (int i = 0; i < Math.min(best.size(), SAMPLE_ROWS); i++) {
            List<String> row = best.get(i);
            if (row.size() == width && hasDate(row)) {
                if (i > 0 && best.get(i - 1).size() == width) {
                    throw new StatementParseException(i, "the columns could not be recognised: no row names a date and"
                            + " an amount column (the header is " + best.get(i - 1) + "); write a profile for this bank");
                }
                Map<CsvField, String> guessed = byContent(best.subList(i, best.size()), width);
                return profile(encoding, delimiter, i, false, row, guessed, best.subList(i, best.size()));
            }
        }
        throw new StatementParseException(1, "the columns could not be recognised: no row names a date and an amount"
                + " column (the first row is " + best.get(0) + "); write a profile for this bank");
    }

    private static List<List<String>> rows(String sample, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(sample))
                .setFormat(CsvStatementParser.format(delimiter)).get()) {
            for (CSVRecord record : parser) {
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    rows.add(record.toList());
                }
                if (rows.size() > 200) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return rows;
        }
        return rows;
    }

    private static int modalWidth(List<List<String>> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.size(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getKey() >= 2)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
    }

    private static int score(List<List<String>> rows) {
        int width = modalWidth(rows);
        return width < 2 ? 0 : (int) rows.stream().filter(r -> r.size() == width).count();
    }

    static String normalize(String header) {
        StringBuilder out = new StringBuilder();
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<CsvField, String> byHeader(List<String> header) {
        Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
        Set<Integer> used = new HashSet<>();
        SYNONYMS.forEach((field, names) -> {
            for (String name : names) {
                for (int i = 0; i < header.size(); i++) {
                    String h = normalize(header.get(i));
                    boolean match = h.equals(name)
                            || name.length() >= 5 && h.length() > name.length() && (h.startsWith(name) || h.endsWith(name));
                    if (match && !used.contains(i) && !columns.containsKey(field)) {
                        columns.put(field, header.get(i).strip());
                        used.add(i);
                    }
                }
            }
        });
        if (columns.containsKey(CsvField.AMOUNT) && (columns.containsKey(CsvField.DEBIT) || columns.containsKey(CsvField.CREDIT))) {
            columns.remove(CsvField.DEBIT);
            columns.remove(CsvField.CREDIT);
        }
        return columns;
    }

    private static boolean hasDate(List<String> row) {
        return row.stream().anyMatch(cell -> dateFormat(List.of(cell)) != null);
    }

    /** No header: the first date column is the date, the numeric columns amount (then balance), the widest text the description. */
    private static Map<CsvField, String> byContent(List<List<String>> rows, int width) {
        Map<CsvField, String> columns = new EnumMap<>(CsvField.class);
        List<List<String>> sample = rows.stream().filter(r -> r.size() == width).limit(SAMPLE_ROWS).toList();
        int widestText = -1;
        double widest = 0;
        for (int c = 0; c < width; c++) {
            List<String> values = column(sample, c);
            if (values.isEmpty()) {
                continue;
            }
            if (!columns.containsKey(CsvField.DATE) && dateFormat(values) != null) {
                columns.put(CsvField.DATE, "#" + (c + 1));
            } else if (values.stream().allMatch(v -> v.matches("[-+(]?[$€]?\\s?[\\d,.']+\\)?-?") && v.matches(".*\\d[.,]\\d{2}\\)?-?$"))) {
                columns.putIfAbsent(columns.containsKey(CsvField.AMOUNT) ? CsvField.BALANCE : CsvField.AMOUNT, "#" + (c + 1));
            } else {
                double average = values.stream().mapToInt(String::length).average().orElse(0);
                if (average > widest && values.stream().anyMatch(v -> v.chars().anyMatch(Character::isLetter))) {
                    widest = average;
                    widestText = c;
                }
            }
        }
        if (widestText >= 0) {
            columns.put(CsvField.DESCRIPTION, "#" + (widestText + 1));
        }
        if (!columns.containsKey(CsvField.AMOUNT)) {
            throw new StatementParseException(1, "the file has no header and no column of amounts could be found;"
                    + " write a profile for this bank");
        }
        return columns;
    }

    private static List<String> column(List<List<String>> rows, int c) {
        return rows.stream().map(r -> r.get(c).strip()).filter(v -> !v.isEmpty()).toList();
    }

    private static CsvProfile profile(String encoding, char delimiter, int skip, boolean header, List<String> headerRow,
                                      Map<CsvField, String> columns, List<List<String>> data) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < headerRow.size(); i++) {
            position.putIfAbsent(headerRow.get(i).strip(), i);
        }
        java.util.function.Function<CsvField, List<String>> values = field -> {
            String column = columns.get(field);
            if (column == null) {
                return List.of();
            }
            int at = column.startsWith("#") ? Integer.parseInt(column.substring(1)) - 1 : position.get(column);
            return data.stream().filter(r -> r.size() > at).limit(SAMPLE_ROWS).map(r -> r.get(at).strip())
                    .filter(v -> !v.isEmpty()).toList();
        };
        List<String> dates = values.apply(CsvField.DATE);
        String dateFormat = dateFormat(dates.stream().filter(CsvDetector::looksLikeDate).toList());
        List<String> numbers = new ArrayList<>();
        for (CsvField f : List.of(CsvField.AMOUNT, CsvField.DEBIT, CsvField.CREDIT, CsvField.BALANCE)) {
            numbers.addAll(values.apply(f));
        }
        char decimal = numbers.stream().anyMatch(v -> v.matches(".*\\d,\\d{1,2}\\s*-?\\)?$") && !v.matches(".*\\d\\.\\d{1,2}$"))
                ? ',' : '.';
        List<String> indicators = List.of();
        if (columns.containsKey(CsvField.INDICATOR)) {
            indicators = List.of("S", "Soll", "D", "DR", "DBIT", "Debit");
        }
        String name = name(columns, header, delimiter, headerRow, numbers);
        String currency = null;
        if (header && !columns.containsKey(CsvField.CURRENCY)) {
            currency = headerRow.stream().map(h -> CURRENCY_IN_HEADER.matcher(h))
                    .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
        }
        return new CsvProfile(name, encoding, delimiter, skip, header, dateFormat == null ? "MM/dd/yyyy" : dateFormat,
                decimal, CsvProfile.Sign.SIGNED, currency, columns, indicators);
    }

    private static boolean looksLikeDate(String value) {
        return value.matches("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{8}");
    }

    private static String dateFormat(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        for (String format : DATE_FORMATS) {
            boolean all = true;
            for (String value : values) {
                try {
                    LocalDate.parse(value.strip(), CsvProfile.formatter(format));
                } catch (DateTimeParseException e) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return format;
            }
        }
        return null;
    }

    private static String name(Map<CsvField, String> columns, boolean header, char delimiter, List<String> headerRow,
                               List<String> numbers) {
        List<String> normalized = headerRow.stream().map(CsvDetector::normalize).toList();
        if (!header) {
            return "wells-fargo";
        }
        if (normalized.equals(List.of("date", "description", "amount", "balance", "account"))) {
            return "simulator";
        }
        if (normalized.contains("postingdate") && normalized.contains("details")) {
            return "chase";
        }
        if (normalized.contains("runningbal")) {
            return "bank-of-america";
        }
        if (normalized.contains("cardno") && columns.containsKey(CsvField.DEBIT)) {
            return "capital-one";
        }
        if (numbers.stream().anyMatch(v -> v.contains("'"))) {
            return "swiss";
        }
        if (delimiter == ';' && columns.containsKey(CsvField.INDICATOR)) {
            return "german";
        }
        return "detected";
    }
}

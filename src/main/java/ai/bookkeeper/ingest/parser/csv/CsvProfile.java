package ai.bookkeeper.ingest.parser.csv;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

/**
 * How one bank lays out its CSV export.
 *
 * @param skipRecords     records before the header (or before the data when there is no header): a bank's preamble
 * @param header          false when the file starts with data (Wells Fargo); columns are then named {@code #1}, {@code #2}..
 * @param columns         field to header name, or to {@code #n} (1-based position)
 * @param sign            SIGNED: a positive amount is money in; INVERTED: a positive amount is money out (card exports)
 * @param debitIndicators values of the INDICATOR column that mean money out (Soll: S); the others mean money in
 * @param currency        ISO code when the file has no currency column; null for the company currency
 */
public record CsvProfile(String name, String encoding, char delimiter, int skipRecords, boolean header,
                         String dateFormat, char decimalSeparator, Sign sign, String currency,
                         Map<CsvField, String> columns, List<String> debitIndicators) {

    public enum Sign { SIGNED, INVERTED }

    public CsvProfile {
        columns = Map.copyOf(columns);
        debitIndicators = List.copyOf(debitIndicators);
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    public DateTimeFormatter dateFormatter() {
        return formatter(dateFormat);
    }

    public static DateTimeFormatter formatter(String pattern) {
        // 'uuuu' is the proleptic year; 'yyyy' (year of era) fails under STRICT resolution without an era
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"))
                .withResolverStyle(ResolverStyle.STRICT);
    }

    public boolean has(CsvField field) {
        return columns.containsKey(field);
    }
}

package ai.bookkeeper.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for spreadsheets, safe from formula injection: a text cell that starts with {@code = + - @}, a tab or a carriage
 * return is prefixed with an apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it
 * (OWASP's advice). Numbers are written as plain decimals and left alone: a negative amount is not a formula.
 */
public final class SafeCsv implements AutoCloseable {

    private final CSVPrinter printer;

    public SafeCsv(Writer out, String... header) throws IOException {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
        if (header.length > 0) {
            row(List.of((Object[]) header));
        }
    }

    /** Writes one row; {@link Number} values are written as numbers, everything else as neutralized text. */
    public void row(List<?> cells) throws IOException {
        for (Object cell : cells) {
            printer.print(cell instanceof Number || cell instanceof java.math.BigDecimal ? cell.toString() : text(cell));
        }
        printer.println();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        String text = cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}

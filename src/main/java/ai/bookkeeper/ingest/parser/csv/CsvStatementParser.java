package ai.bookkeeper.ingest.parser.csv;

import ai.bookkeeper.ingest.parser.BoundedLineReader;
import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import ai.bookkeeper.ingest.parser.StatementParseException;
import ai.bookkeeper.ingest.parser.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV statement through a {@link CsvProfile}, one record at a time. Rows that don't read as transactions
 * after the last transaction are a footer (totals, disclaimers) and are skipped; such a row followed by transactions
 * is an error in the file. The running-balance column is checked line by line, in either date order.
 */
public final class CsvStatementParser {

    private final CsvProfile profile;
    private final int maxLineChars;
    private final boolean strict;
    private final DateTimeFormatter dates;

    public CsvStatementParser(CsvProfile profile, int maxLineChars, boolean strict) {
        this.profile = profile;
        this.maxLineChars = maxLineChars;
        this.strict = strict;
        this.dates = profile.dateFormatter();
    }

    public static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true)
                .setAllowMissingColumnNames(true).get();
    }

    /** @return the number of transaction lines read */
    public long parse(Path file, StatementHandler handler) {
        RunningBalances balances = new RunningBalances(handler, profile.currency());
        long read = 0;
        try (Reader reader = new BoundedLineReader(TextFiles.open(file, profile.charset()), maxLineChars);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format(profile.delimiter())).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            long lineBefore = 0;
            int skipped = 0;
            Map<CsvField, Integer> index = null;
            if (!profile.header()) {
                index = positions(List.of());
            }
            StatementParseException footerCandidate = null;
            while (hasNext(records, lineBefore)) {
                CSVRecord record = records.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (skipped < profile.skipRecords()) {
                    skipped++;
                    continue;
                }
                if (index == null) {
                    index = positions(record.toList());
                    continue;
                }
                StatementLine parsed;
                try {
                    parsed = toLine(record, index, line);
                } catch (StatementParseException e) {
                    if (footerCandidate == null) {
                        footerCandidate = e;
                    }
                    if (!strict) {
                        handler.rejected(e.line(), e.getMessage());
                    }
                    continue;
                }
                if (parsed == null) {
                    handler.warning(line, "line " + line + " has no amount and was skipped (a balance or note row)");
                    continue;
                }
                if (footerCandidate != null && strict) {
                    throw footerCandidate;
                }
                footerCandidate = null;
                read++;
                balances.accept(parsed);
                handler.line(parsed);
            }
            if (index == null) {
                throw new StatementParseException(0, "the file has no header row and no transactions (it is empty)");
            }
            if (footerCandidate != null && read > 0) {
                handler.warning(footerCandidate.line(), "line " + footerCandidate.line() + " and the rows after it"
                        + " were read as a footer and skipped (" + footerCandidate.getMessage() + ")");
            }
            if (read == 0) {
                throw footerCandidate != null ? footerCandidate
                        : new StatementParseException(lineBefore, "the file has a header but no transactions");
            }
        } catch (CharacterCodingException e) {
            throw new StatementParseException(0, "the file is not valid " + profile.encoding()
                    + " text; set 'encoding' in the profile (e.g. windows-1252 or ISO-8859-1)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        balances.finish();
        return read;
    }

    private static boolean hasNext(Iterator<CSVRecord> records, long lineBefore) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException cce) {
                throw new StatementParseException(lineBefore + 1, "line " + (lineBefore + 1)
                        + " holds bytes that are not valid in the file's encoding; set 'encoding' in the profile", cce);
            }
            throw new StatementParseException(lineBefore + 1, "line " + (lineBefore + 1) + " is not valid CSV: "
                    + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new StatementParseException(lineBefore + 1, "line " + (lineBefore + 1) + " is not valid CSV: "
                    + e.getMessage(), e);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private Map<CsvField, Integer> positions(List<String> header) {
        Map<CsvField, Integer> index = new EnumMap<>(CsvField.class);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (CsvField field : CsvField.values()) {
            String column = profile.columns().get(field);
            if (column == null) {
                continue;
            }
            if (column.startsWith("#")) {
                index.put(field, Integer.parseInt(column.substring(1)) - 1);
                continue;
            }
            Integer at = byName.get(column.strip().toLowerCase(Locale.ROOT));
            if (at == null) {
                throw new StatementParseException(1 + profile.skipRecords(), "the profile's " + field.yamlKey()
                        + " column '" + column + "' is not in the header, which has the columns " + header
                        + "; correct the profile or choose the right one for this bank");
            }
            index.put(field, at);
        }
        return index;
    }

    /** @return null for a row without any amount (BofA's "Beginning balance" row) */
    private StatementLine toLine(CSVRecord record, Map<CsvField, Integer> index, long line) {
        boolean noAmount = true;
        for (CsvField field : new CsvField[] {CsvField.AMOUNT, CsvField.DEBIT, CsvField.CREDIT}) {
            String value = cell(record, index, line, field);
            noAmount &= value == null || value.isBlank();
        }
        if (noAmount && index.containsKey(CsvField.DATE)) {
            String dateCell = cell(record, index, line, CsvField.DATE);
            if (dateCell != null && !dateCell.isBlank()) {
                date(dateCell, line, "date");
                return null;
            }
        }
        String dateText = cell(record, index, line, CsvField.DATE);
        LocalDate date = date(dateText, line, "date");
        String valueText = cell(record, index, line, CsvField.VALUE_DATE);
        LocalDate valueDate = valueText == null || valueText.isBlank() ? null : date(valueText, line, "value date");
        BigDecimal amount = amount(record, index, line);
        String balanceText = cell(record, index, line, CsvField.BALANCE);
        BigDecimal balance = balanceText == null || balanceText.isBlank() ? null : number(balanceText, line, "balance");
        String status = cell(record, index, line, CsvField.STATUS);
        boolean pending = status != null && status.strip().toLowerCase(Locale.ROOT).startsWith("pend");
        String description = cell(record, index, line, CsvField.DESCRIPTION);
        String reference = blankToNull(cell(record, index, line, CsvField.REFERENCE));
        return new StatementLine(line, blankToNull(cell(record, index, line, CsvField.ACCOUNT)), date, valueDate, amount,
                blankToNull(cell(record, index, line, CsvField.CURRENCY)), description == null ? "" : description,
                blankToNull(cell(record, index, line, CsvField.COUNTERPARTY)), reference, reference, pending, balance);
    }

    private BigDecimal amount(CSVRecord record, Map<CsvField, Integer> index, long line) {
        if (profile.has(CsvField.AMOUNT)) {
            BigDecimal amount = number(cell(record, index, line, CsvField.AMOUNT), line, "amount");
            if (profile.has(CsvField.INDICATOR)) {
                String indicator = cell(record, index, line, CsvField.INDICATOR);
                boolean debit = indicator != null && profile.debitIndicators().stream()
                        .anyMatch(d -> d.equalsIgnoreCase(indicator.strip()));
                amount = debit ? amount.abs().negate() : amount.abs();
            }
            return profile.sign() == CsvProfile.Sign.INVERTED ? amount.negate() : amount;
        }
        String debit = cell(record, index, line, CsvField.DEBIT);
        String credit = cell(record, index, line, CsvField.CREDIT);
        BigDecimal d = debit == null || debit.isBlank() ? BigDecimal.ZERO : number(debit, line, "debit").abs();
        BigDecimal c = credit == null || credit.isBlank() ? BigDecimal.ZERO : number(credit, line, "credit").abs();
        boolean noDebit = debit == null || debit.isBlank();
        boolean noCredit = credit == null || credit.isBlank();
        if (noDebit && noCredit || d.signum() != 0 && c.signum() != 0) {
            throw new StatementParseException(line, "line " + line + ": expected an amount in exactly one of the"
                    + " debit and credit columns, found " + (noDebit ? "neither" : "both"));
        }
        return c.subtract(d);
    }

    private LocalDate date(String text, long line, String what) {
        if (text == null || text.isBlank()) {
            throw new StatementParseException(line, "line " + line + ": the " + what + " is missing");
        }
        try {
            return LocalDate.parse(text.strip(), dates);
        } catch (DateTimeParseException e) {
            throw new StatementParseException(line, "line " + line + ": the " + what + " '" + text
                    + "' does not match the date format " + profile.dateFormat());
        }
    }

    private BigDecimal number(String text, long line, String what) {
        if (text == null || text.isBlank()) {
            throw new StatementParseException(line, "line " + line + ": the " + what + " is missing");
        }
        try {
            return Amounts.parse(text, profile.decimalSeparator());
        } catch (IllegalArgumentException e) {
            throw new StatementParseException(line, "line " + line + ": the " + what + " " + e.getMessage());
        }
    }

    private static String cell(CSVRecord record, Map<CsvField, Integer> index, long line, CsvField field) {
        Integer at = index.get(field);
        if (at == null) {
            return null;
        }
        if (at >= record.size()) {
            throw new StatementParseException(line, "line " + line + " has only " + record.size()
                    + " columns; the " + field.yamlKey() + " column is number " + (at + 1));
        }
        return record.get(at);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

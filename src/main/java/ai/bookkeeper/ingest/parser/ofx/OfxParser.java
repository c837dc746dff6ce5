package ai.bookkeeper.ingest.parser.ofx;

import ai.bookkeeper.ingest.parser.SafeXml;
import ai.bookkeeper.ingest.parser.StatementBalance;
import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import ai.bookkeeper.ingest.parser.StatementParseException;
import ai.bookkeeper.ingest.parser.TextFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OFX 1.x (SGML), OFX 2.x (XML) and QFX bank and credit-card statements. 1.x is first made well-formed by
 * {@link SgmlToXml}; both then go through the hardened StAX reader of {@link SafeXml}. FITID becomes the bank's id
 * of each transaction; LEDGERBAL the statement's closing balance.
 */
public final class OfxParser {

    private OfxParser() {
    }

    public static boolean looksLikeOfx(String head) {
        String start = head.stripLeading();
        return start.startsWith("OFXHEADER") || start.contains("<OFX>") || start.contains("<?OFX");
    }

    public static long parse(Path file, StatementHandler handler) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            XMLStreamReader xml;
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (text.stripLeading().startsWith("<?xml")) {
                xml = SafeXml.reader(new ByteArrayInputStream(bytes));
            } else {
                int body = text.indexOf('<');
                if (body < 0) {
                    throw new StatementParseException(1, "the OFX file has a header but no <OFX> body");
                }
                Charset charset = text.substring(0, body).contains("CHARSET:1252") ? TextFiles.WINDOWS_1252
                        : text.substring(0, body).contains("UTF-8") ? StandardCharsets.UTF_8 : TextFiles.WINDOWS_1252;
                String decoded = new String(bytes, charset);
                int start = decoded.indexOf('<');
                int firstLine = 1 + (int) decoded.substring(0, start).chars().filter(c -> c == '\n').count();
                String xmlText = "\n".repeat(firstLine - 1) + SgmlToXml.convert(decoded.substring(start), firstLine);
                xml = SafeXml.reader(new StringReader(xmlText));
            }
            return walk(xml, handler);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new StatementParseException(line, "line " + line + ": the OFX is not well-formed: " + e.getMessage());
        }
    }

    private static long walk(XMLStreamReader xml, StatementHandler handler) throws XMLStreamException {
        long count = 0;
        String account = null;
        String currency = null;
        Map<String, String> fields = null;
        Map<String, String> ledger = null;
        long transactionLine = 0;
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                text.setLength(0);
                if (name.equals("STMTTRN")) {
                    fields = new HashMap<>();
                    transactionLine = xml.getLocation().getLineNumber();
                } else if (name.equals("LEDGERBAL")) {
                    ledger = new HashMap<>();
                } else if (name.equals("STMTRS") || name.equals("CCSTMTRS")) {
                    account = null;
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                String value = text.toString().strip();
                text.setLength(0);
                if (name.equals("STMTTRN") && fields != null) {
                    handler.line(line(fields, transactionLine, account, currency));
                    count++;
                    fields = null;
                } else if (name.equals("LEDGERBAL") && ledger != null) {
                    if (ledger.containsKey("BALAMT") && ledger.containsKey("DTASOF")) {
                        handler.balance(new StatementBalance(account, StatementBalance.Kind.CLOSING,
                                date(ledger.get("DTASOF"), xml.getLocation().getLineNumber()),
                                amount(ledger.get("BALAMT"), xml.getLocation().getLineNumber()), currency, null));
                    }
                    ledger = null;
                } else if (fields != null) {
                    fields.put(name, value);
                } else if (ledger != null) {
                    ledger.put(name, value);
                } else if (name.equals("ACCTID")) {
                    account = value;
                } else if (name.equals("CURDEF")) {
                    currency = value;
                }
            }
        }
        if (count == 0) {
            throw new StatementParseException(0, "the OFX file holds no transactions (no <STMTTRN>)");
        }
        return count;
    }

    private static StatementLine line(Map<String, String> f, long line, String account, String currency) {
        String posted = f.get("DTPOSTED");
        if (posted == null) {
            throw new StatementParseException(line, "line " + line + ": the transaction has no DTPOSTED");
        }
        if (f.get("TRNAMT") == null) {
            throw new StatementParseException(line, "line " + line + ": the transaction has no TRNAMT");
        }
        String name = f.getOrDefault("NAME", f.getOrDefault("PAYEE", ""));
        String memo = f.get("MEMO");
        String description = memo == null || memo.isBlank() || name.contains(memo) ? name
                : name.isBlank() ? memo : name + " " + memo;
        String reference = f.getOrDefault("CHECKNUM", f.get("REFNUM"));
        LocalDate user = f.get("DTUSER") == null ? null : date(f.get("DTUSER"), line);
        return new StatementLine(line, account, date(posted, line), user, amount(f.get("TRNAMT"), line),
                f.getOrDefault("CURRENCY", currency), description, null, reference, blankToNull(f.get("FITID")),
                false, null);
    }

    private static LocalDate date(String text, long line) {
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)));
        } catch (RuntimeException e) {
            throw new StatementParseException(line, "line " + line + ": '" + text + "' is not an OFX date (YYYYMMDD...)");
        }
    }

    private static BigDecimal amount(String text, long line) {
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace("+", ""));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new StatementParseException(line, "line " + line + ": '" + text + "' is not an OFX amount");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

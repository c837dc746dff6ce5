package ai.bookkeeper.ingest.parser.camt;

import ai.bookkeeper.ingest.parser.SafeXml;
import ai.bookkeeper.ingest.parser.StatementBalance;
import ai.bookkeeper.ingest.parser.StatementHandler;
import ai.bookkeeper.ingest.parser.StatementLine;
import ai.bookkeeper.ingest.parser.StatementParseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams ISO 20022 camt.053 (bank-to-customer statement), any version, several statements and accounts per file,
 * by element local names through the hardened {@link SafeXml} reader. Booked entries are summed per statement and
 * checked against the stated balances: opening (OPBD, or PRCD) plus entries must equal closing (CLBD).
 */
public final class CamtParser {

    private CamtParser() {
    }

    public static boolean looksLikeCamt(String head) {
        return head.contains("camt.053") || head.contains("BkToCstmrStmt");
    }

    public static long parse(Path file, StatementHandler handler) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return walk(SafeXml.reader(in), handler);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new StatementParseException(line, "line " + line + ": the camt.053 XML is not well-formed: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Statement {
        final Map<String, String> fields = new HashMap<>();
        final List<Map<String, String>> balances = new ArrayList<>();
        BigDecimal booked = BigDecimal.ZERO;
        long line;
    }

    private static long walk(XMLStreamReader xml, StatementHandler handler) throws XMLStreamException {
        List<String> path = new ArrayList<>();
        Statement statement = null;
        Map<String, String> entry = null;
        Map<String, String> balance = null;
        int entryDepth = 0;
        int balanceDepth = 0;
        int statementDepth = 0;
        long entryLine = 0;
        long count = 0;
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                path.add(name);
                text.setLength(0);
                if (name.equals("Stmt")) {
                    statement = new Statement();
                    statement.line = xml.getLocation().getLineNumber();
                    statementDepth = path.size();
                } else if (statement != null && name.equals("Ntry") && entry == null) {
                    entry = new HashMap<>();
                    entryDepth = path.size();
                    entryLine = xml.getLocation().getLineNumber();
                } else if (statement != null && entry == null && name.equals("Bal")) {
                    balance = new HashMap<>();
                    balanceDepth = path.size();
                }
                if (name.equals("Amt") && xml.getAttributeValue(null, "Ccy") != null) {
                    Map<String, String> target = entry != null ? entry : balance;
                    if (target != null) {
                        target.putIfAbsent(relative(path, entry != null ? entryDepth : balanceDepth) + "@Ccy",
                                xml.getAttributeValue(null, "Ccy"));
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                String value = text.toString().strip();
                text.setLength(0);
                if (entry != null && path.size() == entryDepth) {
                    StatementLine line = line(entry, entryLine, statement);
                    if (!line.pending()) {
                        statement.booked = statement.booked.add(line.amount());
                    }
                    handler.line(line);
                    count++;
                    entry = null;
                } else if (entry != null) {
                    String key = relative(path, entryDepth);
                    if (key.endsWith("Ustrd") && entry.containsKey(key)) {
                        entry.put(key, entry.get(key) + " " + value);
                    } else if (!value.isEmpty()) {
                        entry.putIfAbsent(key, value);
                    }
                } else if (balance != null && path.size() == balanceDepth) {
                    statement.balances.add(balance);
                    balance = null;
                } else if (balance != null) {
                    balance.putIfAbsent(relative(path, balanceDepth), value);
                } else if (statement != null && path.size() == statementDepth) {
                    finish(statement, handler);
                    statement = null;
                } else if (statement != null && !value.isEmpty()) {
                    statement.fields.putIfAbsent(relative(path, statementDepth), value);
                }
                path.remove(path.size() - 1);
            }
        }
        if (count == 0) {
            throw new StatementParseException(0, "the camt.053 file holds no entries (no <Ntry>)");
        }
        return count;
    }

    private static String relative(List<String> path, int depth) {
        return String.join("/", path.subList(depth, path.size()));
    }

    private static String account(Statement s) {
        String iban = s.fields.get("Acct/Id/IBAN");
        return iban != null ? iban : s.fields.get("Acct/Id/Othr/Id");
    }

    private static StatementLine line(Map<String, String> e, long line, Statement s) {
        String amountText = e.get("Amt");
        if (amountText == null) {
            throw new StatementParseException(line, "line " + line + ": the entry has no <Amt>");
        }
        BigDecimal amount = amount(amountText, line);
        if ("DBIT".equals(e.get("CdtDbtInd"))) {
            amount = amount.negate();
        }
        String status = e.getOrDefault("Sts/Cd", e.getOrDefault("Sts", "BOOK"));
        LocalDate booking = date(first(e, "BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm"), line, "booking date");
        String valueText = first(e, "ValDt/Dt", "ValDt/DtTm");
        LocalDate value = valueText == null ? null : date(valueText, line, "value date");
        boolean debit = amount.signum() < 0;
        String party = debit ? first(e, "NtryDtls/TxDtls/RltdPties/Cdtr/Nm", "NtryDtls/TxDtls/RltdPties/Cdtr/Pty/Nm")
                : first(e, "NtryDtls/TxDtls/RltdPties/Dbtr/Nm", "NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm");
        String remittance = e.get("NtryDtls/TxDtls/RmtInf/Ustrd");
        String description = first(e, "AddtlNtryInf", "NtryDtls/TxDtls/AddtlTxInf");
        if (description == null) {
            description = remittance != null ? remittance : party != null ? party : "";
        } else if (remittance != null && !description.contains(remittance)) {
            description = description + " " + remittance;
        }
        String endToEnd = e.get("NtryDtls/TxDtls/Refs/EndToEndId");
        if ("NOTPROVIDED".equalsIgnoreCase(endToEnd)) {
            endToEnd = null;
        }
        String bankId = first(e, "AcctSvcrRef", "NtryDtls/TxDtls/Refs/AcctSvcrRef");
        if (bankId == null) {
            bankId = endToEnd != null ? endToEnd : e.get("NtryRef");
        }
        return new StatementLine(line, account(s), booking, value, amount, e.getOrDefault("Amt@Ccy", s.fields.get("Acct/Ccy")),
                description, party, endToEnd, bankId, status.startsWith("PDNG"), null);
    }

    private static void finish(Statement s, StatementHandler handler) {
        String account = account(s);
        String sequence = s.fields.getOrDefault("ElctrncSeqNb", s.fields.get("LglSeqNb"));
        BigDecimal opening = null;
        BigDecimal closing = null;
        for (Map<String, String> b : s.balances) {
            String type = first(b, "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry", "Tp/Cd");
            if (type == null || b.get("Amt") == null) {
                continue;
            }
            BigDecimal amount = amount(b.get("Amt"), s.line);
            if ("DBIT".equals(b.get("CdtDbtInd"))) {
                amount = amount.negate();
            }
            LocalDate date = date(first(b, "Dt/Dt", "Dt/DtTm"), s.line, "balance date");
            String currency = b.getOrDefault("Amt@Ccy", s.fields.get("Acct/Ccy"));
            if (type.equals("OPBD") || type.equals("PRCD") && opening == null) {
                opening = amount;
                handler.balance(new StatementBalance(account, StatementBalance.Kind.OPENING, date, amount, currency, sequence));
            } else if (type.equals("CLBD")) {
                closing = amount;
                handler.balance(new StatementBalance(account, StatementBalance.Kind.CLOSING, date, amount, currency, sequence));
            }
        }
        if (opening != null && closing != null && opening.add(s.booked).compareTo(closing) != 0) {
            handler.warning(s.line, "line " + s.line + ": statement " + s.fields.getOrDefault("Id", "?") + " of account "
                    + account + " opens at " + opening.toPlainString() + ", its booked entries sum to "
                    + s.booked.toPlainString() + ", which makes " + opening.add(s.booked).toPlainString()
                    + ", but it closes at " + closing.toPlainString() + "; entries are missing or the file was altered");
        }
    }

    private static String first(Map<String, String> map, String... keys) {
        for (String key : keys) {
            String value = map.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static LocalDate date(String text, long line, String what) {
        if (text == null) {
            throw new StatementParseException(line, "line " + line + ": the entry has no " + what);
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (RuntimeException e) {
            throw new StatementParseException(line, "line " + line + ": '" + text + "' is not an ISO date (" + what + ")");
        }
    }

    private static BigDecimal amount(String text, long line) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new StatementParseException(line, "line " + line + ": '" + text + "' is not an amount");
        }
    }
}

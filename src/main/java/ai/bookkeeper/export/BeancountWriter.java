package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.tenancy.Company;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A Beancount file. Every account is opened (constrained to the company's currency) on the first entry's date;
 * each entry becomes one transaction, flag {@code *} for POSTED and {@code !} for APPROVED, its narration the
 * entry's description quoted exactly, and the entry id, source and memo as metadata.
 */
final class BeancountWriter implements JournalWriter {

    private final Appendable out;
    private final Map<AccountId, String> names;

    BeancountWriter(Appendable out, Map<AccountId, String> names) {
        this.out = out;
        this.names = names;
    }

    @Override
    public void header(Company company, List<Account> accounts, LocalDate firstDate) throws IOException {
        out.append("; ").append(company.name().replaceAll("[\\r\\n]+", " "))
                .append(": the books exported by AI Bookkeeper\n");
        out.append("; Booked entries only (APPROVED as !, POSTED as *); PROPOSED and REJECTED entries are left out.\n\n");
        out.append("option \"title\" ").append(quote(company.name())).append('\n');
        out.append("option \"operating_currency\" \"").append(company.currency().value()).append("\"\n\n");
        if (firstDate == null) {
            out.append("; No booked entries yet, so no account is opened.\n");
            return;
        }
        for (Account account : accounts) {
            out.append(firstDate.toString()).append(" open ").append(names.get(account.id())).append(' ')
                    .append(company.currency().value()).append('\n');
            out.append("  code: ").append(quote(account.code())).append('\n');
        }
        out.append('\n');
    }

    @Override
    public void entry(JournalEntry entry) throws IOException {
        out.append(entry.date().toString()).append(entry.status() == EntryStatus.POSTED ? " * " : " ! ")
                .append(quote(entry.description())).append('\n');
        out.append("  entry_id: ").append(quote(entry.id().toString())).append('\n');
        out.append("  source: ").append(quote(entry.source().name())).append('\n');
        if (entry.reversalOf() != null) {
            out.append("  reverses: ").append(quote(entry.reversalOf().toString())).append('\n');
        }
        if (entry.memo() != null) {
            out.append("  memo: ").append(quote(entry.memo())).append('\n');
        }
        for (JournalLine line : entry.lines()) {
            out.append("  ").append(names.get(line.account())).append("  ")
                    .append(line.signedAmount().toDecimal().toPlainString()).append(' ')
                    .append(entry.currency().value()).append('\n');
            if (line.memo() != null) {
                out.append("    memo: ").append(quote(line.memo())).append('\n');
            }
        }
        out.append('\n');
    }

    /** A Beancount string: backslash and quote escaped, line breaks and tabs written as {@code \n}, {@code \t}. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return quoted.append('"').toString();
    }
}

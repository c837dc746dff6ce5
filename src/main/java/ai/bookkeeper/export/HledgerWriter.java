package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.Company;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An hledger journal. Each entry becomes one transaction: status {@code *} (cleared) for POSTED and {@code !}
 * (pending) for APPROVED, the entry id as the transaction code, and one posting per line with the amount signed
 * (debit positive) and the currency after it. Every account and the currency are declared, so the file also
 * passes hledger's strict mode ({@code hledger -s}).
 */
final class HledgerWriter implements JournalWriter {

    private final Appendable out;
    private final Map<AccountId, String> names;

    HledgerWriter(Appendable out, Map<AccountId, String> names) {
        this.out = out;
        this.names = names;
    }

    @Override
    public void header(Company company, List<Account> accounts, LocalDate firstDate) throws IOException {
        out.append("; ").append(oneLine(company.name())).append(": the books exported by AI Bookkeeper\n");
        out.append("; Booked entries only (APPROVED as !, POSTED as *); PROPOSED and REJECTED entries are left out.\n");
        out.append("; Amounts are exact; debits are positive, credits negative. Transaction code = entry id.\n\n");
        String zero = Money.zero(company.currency()).toDecimal().toPlainString();
        out.append("commodity 1000").append(zero.substring(1)).append(' ').append(company.currency().value()).append("\n\n");
        for (Account account : accounts) {
            out.append("account ").append(names.get(account.id())).append("  ; type: ").append(typeLetter(account.type()))
                    .append(", code: ").append(account.code()).append('\n');
        }
        out.append('\n');
    }

    @Override
    public void entry(JournalEntry entry) throws IOException {
        out.append(entry.date().toString()).append(entry.status() == EntryStatus.POSTED ? " * (" : " ! (")
                .append(entry.id().toString()).append(") ").append(description(entry.description()))
                .append("  ; source:").append(entry.source().name());
        if (entry.reversalOf() != null) {
            out.append(", reverses:").append(entry.reversalOf().toString());
        }
        out.append('\n');
        if (entry.memo() != null && !entry.memo().isBlank()) {
            out.append("    ; ").append(comment(entry.memo())).append('\n');
        }
        for (JournalLine line : entry.lines()) {
            out.append("    ").append(names.get(line.account())).append("  ")
                    .append(line.signedAmount().toDecimal().toPlainString()).append(' ')
                    .append(entry.currency().value());
            if (line.memo() != null && !line.memo().isBlank()) {
                out.append("  ; ").append(comment(line.memo()));
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /**
     * A description runs to the end of the line, and a semicolon would start a comment; hledger has no escape for
     * either, so line breaks become spaces and semicolons commas (the Beancount export keeps the text exactly).
     */
    static String description(String text) {
        return oneLine(text).replace(';', ',');
    }

    /** Comments run to the end of the line; a colon would turn their first word into a tag name. */
    private static String comment(String text) {
        return oneLine(text).replace(':', '-');
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").strip();
    }

    private static String typeLetter(AccountType type) {
        return switch (type) {
            case ASSET -> "A";
            case LIABILITY -> "L";
            case EQUITY -> "E";
            case INCOME -> "R";
            case EXPENSE -> "X";
        };
    }
}

package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a company's books to open plain-text formats, so that leaving us costs nothing. Only booked entries
 * (APPROVED and POSTED) are exported, the ones our balances and reports count; PROPOSED entries still await review
 * and REJECTED ones never counted. The output is deterministic: the same books give the same bytes.
 */
@Service
public class BooksExport {

    private static final int PAGE = 1000;

    private final Ledger ledger;
    private final Tenancy tenancy;

    BooksExport(Ledger ledger, Tenancy tenancy) {
        this.ledger = ledger;
        this.tenancy = tenancy;
    }

    /** What an export wrote. {@code from} and {@code to} are null when there were no booked entries. */
    public record Summary(int entries, LocalDate from, LocalDate to) {
    }

    /**
     * Writes the books in {@code format}, in ledger order (date, then entry id). The entries are read page by page
     * in one repeatable-read transaction, so an entry booked meanwhile is neither skipped nor written twice.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Summary write(CompanyAccess access, ExportFormat format, Appendable out) throws IOException {
        access.require(Role.VIEWER, "export the books");
        Company company = tenancy.company(access);
        List<Account> accounts = ledger.accounts(access);
        JournalWriter writer = JournalWriter.of(format, out, accounts);
        List<JournalEntry> page = page(access, 0);
        writer.header(company, accounts, page.isEmpty() ? null : page.get(0).date());
        int count = 0;
        LocalDate from = page.isEmpty() ? null : page.get(0).date();
        LocalDate to = null;
        while (!page.isEmpty()) {
            for (JournalEntry entry : page) {
                writer.entry(entry);
                to = entry.date();
            }
            count += page.size();
            page = page.size() < PAGE ? List.of() : page(access, count);
        }
        return new Summary(count, from, to);
    }

    /** The whole export as text, for the API and for tests. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public String export(CompanyAccess access, ExportFormat format) {
        StringBuilder out = new StringBuilder();
        try {
            write(access, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    private List<JournalEntry> page(CompanyAccess access, int offset) {
        return ledger.entries(access, new EntryFilter(null, null, Set.of(EntryStatus.APPROVED, EntryStatus.POSTED), null,
                null, PAGE, offset));
    }
}

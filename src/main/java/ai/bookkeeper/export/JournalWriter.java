package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.tenancy.Company;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** Writes one plain-text format: a header with the chart, then one transaction per entry in ledger order. */
interface JournalWriter {

    /** @param firstDate the date of the first exported entry; null when there are none */
    void header(Company company, List<Account> accounts, LocalDate firstDate) throws IOException;

    void entry(JournalEntry entry) throws IOException;

    static JournalWriter of(ExportFormat format, Appendable out, List<Account> accounts) {
        return switch (format) {
            case HLEDGER -> new HledgerWriter(out, AccountNames.hledger(accounts));
            case BEANCOUNT -> new BeancountWriter(out, AccountNames.beancount(accounts));
        };
    }
}

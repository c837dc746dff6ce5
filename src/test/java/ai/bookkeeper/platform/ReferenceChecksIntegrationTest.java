package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import ai.bookkeeper.testing.TestDatabase;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The references of the bulk-import tables (bank transactions, entries, proposals, the reconciler's lines and
 * matches) hold on both engines: declared foreign keys on SQLite, checks once per statement on PostgreSQL
 * (V12_1__references_checked_per_statement), whose parents therefore can never be deleted, truncated or re-keyed.
 */
class ReferenceChecksIntegrationTest extends DatabaseIntegrationTest {

    private static final String AT = "2026-03-01T00:00:00.000000Z";
    private static final String FOREIGN_KEY = "(?is).*foreign key.*";

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;

    CompanyAccess owner;
    Object company;
    Account bank;
    Account theirBank;
    JournalEntry entry;
    UUID batch;

    @BeforeEach
    void books() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        company = Keys.bind(owner.companyId());
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        theirBank = ledger.accountByCode(Fixtures.company(tenancy, BusinessType.RETAIL), "1000").orElseThrow();
        Account rent = ledger.accountByCode(owner, "6100").orElseThrow();
        Money money = Money.of("10.00", CurrencyCode.USD);
        entry = ledger.propose(owner, NewEntry.manual(LocalDate.of(2026, 3, 1), "rent",
                JournalLine.debit(rent.id(), money), JournalLine.credit(bank.id(), money)));
        batch = UUID.randomUUID();
        jdbc.update("INSERT INTO import_batch (company_id, id, file_name, format, status, created_at)"
                + " VALUES (?, ?, 'march.csv', 'CSV', 'IMPORTED', ?)", company, Keys.bind(batch), AT);
    }

    @Test
    void a_row_naming_a_missing_parent_or_another_companys_is_refused_and_a_many_row_insert_with_one_is_refused_whole() {
        assertThatThrownBy(() -> bankTransaction(Keys.bind(theirBank.id()), Keys.bind(batch), "fp-1"))
                .hasMessageMatching(FOREIGN_KEY);
        assertThatThrownBy(() -> bankTransaction(Keys.bind(bank.id()), Keys.bind(UUID.randomUUID()), "fp-2"))
                .hasMessageMatching(FOREIGN_KEY);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_entry (company_id, id, entry_date, description, status,"
                        + " source, currency, created_at) VALUES (?, ?, '2026-03-01', 'x', 'PROPOSED', 'MANUAL', 'USD', ?)",
                Keys.bind(UUID.randomUUID()), Keys.bind(UUID.randomUUID()), AT)).hasMessageMatching(FOREIGN_KEY);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id,"
                        + " line_date, amount_minor, currency, description, recorded_at)"
                        + " VALUES (?, 'line-1', ?, '2026-03-01', -1000, 'USD', 'x', ?)", company,
                Keys.bind(theirBank.id()), AT)).hasMessageMatching(FOREIGN_KEY);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id,"
                        + " entry_id, kind, score_bp, reason, created_at) VALUES (?, ?, 'line-1', 'line-1', ?, 'EXACT', 10000,"
                        + " 'x', ?)", company, Keys.bind(UUID.randomUUID()), Keys.bind(UUID.randomUUID()), AT))
                .hasMessageMatching(FOREIGN_KEY);
        // one good proposal and one naming a missing entry, in one statement
        assertThatThrownBy(() -> jdbc.update("INSERT INTO proposal (company_id, transaction_id, entry_id, txn_date,"
                        + " description, amount_minor, confidence_bp, tier, outcome, created_at)"
                        + " VALUES (?, ?, ?, '2026-03-01', 'x', -1000, 9000, 'RULE', 'QUEUED', ?),"
                        + " (?, ?, ?, '2026-03-01', 'x', -1000, 9000, 'RULE', 'QUEUED', ?)",
                company, Keys.bind(UUID.randomUUID()), Keys.bind(entry.id()), AT,
                company, Keys.bind(UUID.randomUUID()), Keys.bind(UUID.randomUUID()), AT))
                .hasMessageMatching(FOREIGN_KEY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE company_id = ?", Integer.class, company)).isZero();

        // and the rows that name their parents rightly go in, by insert and by update
        bankTransaction(Keys.bind(bank.id()), Keys.bind(batch), "fp-3");
        assertThatThrownBy(() -> jdbc.update("UPDATE bank_transaction SET batch_id = ? WHERE company_id = ?",
                Keys.bind(UUID.randomUUID()), company)).hasMessageMatching(FOREIGN_KEY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ? AND batch_id = ?",
                Integer.class, company, Keys.bind(batch))).isEqualTo(1);
    }

    @Test
    void on_postgresql_the_parents_of_those_rows_are_never_deleted_truncated_or_re_keyed() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "SQLite keeps declared foreign keys on these tables");
        UUID unused = UUID.randomUUID();
        jdbc.update("INSERT INTO account (company_id, id, code, name, type, is_bank) VALUES (?, ?, '6999', 'Unused',"
                + " 'EXPENSE', 0)", company, Keys.bind(unused));
        // even a parent nothing refers to yet: a check without a lock relies on parents never disappearing
        assertThatThrownBy(() -> jdbc.update("DELETE FROM account WHERE company_id = ? AND id = ?", company, Keys.bind(unused)))
                .hasMessageContaining("account rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE account SET id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(UUID.randomUUID()), company, Keys.bind(unused))).hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM import_batch WHERE company_id = ? AND id = ?", company,
                Keys.bind(batch))).hasMessageContaining("import_batch rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry WHERE company_id = ? AND id = ?", company,
                Keys.bind(entry.id()))).hasMessageContaining("journal_entry rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM company WHERE id = ?", company))
                .hasMessageContaining("company rows are never deleted");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE import_batch CASCADE")).hasMessageContaining("never deleted");
        // a change that keeps the key is allowed
        assertThat(jdbc.update("UPDATE account SET name = 'Still unused' WHERE company_id = ? AND id = ?", company,
                Keys.bind(unused))).isEqualTo(1);
    }

    private void bankTransaction(Object account, Object batchId, String fingerprint) {
        jdbc.update("INSERT INTO bank_transaction (company_id, id, bank_account_id, batch_id, booking_date, amount_minor,"
                + " currency, description, normalized_description, fingerprint, occurrence, status, source_line, created_at)"
                + " VALUES (?, ?, ?, ?, '2026-03-01', -1000, 'USD', 'x', 'x', ?, 1, 'BOOKED', 1, ?)",
                company, Keys.bind(UUID.randomUUID()), account, batchId, fingerprint, AT);
    }
}

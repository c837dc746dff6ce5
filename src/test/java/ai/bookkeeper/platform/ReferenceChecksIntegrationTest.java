package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired TransactionTemplate transactions;

    CompanyAccess owner;
    Object company;
    Account bank;
    Account theirBank;
    JournalEntry entry;
    JournalEntry theirEntry;
    UUID batch;

    @BeforeEach
    void books() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        company = Keys.bind(owner.companyId());
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        CompanyAccess other = Fixtures.company(tenancy, BusinessType.RETAIL);
        theirBank = ledger.accountByCode(other, "1000").orElseThrow();
        entry = rent(owner, bank);
        theirEntry = rent(other, theirBank);
        batch = UUID.randomUUID();
        jdbc.update("INSERT INTO import_batch (company_id, id, file_name, format, status, created_at)"
                + " VALUES (?, ?, 'march.csv', 'CSV', 'IMPORTED', ?)", company, Keys.bind(batch), AT);
    }

    @Test
    void a_row_naming_a_missing_parent_or_another_companys_is_refused_and_a_many_row_insert_with_one_is_refused_whole() {
        refused(() -> bankTransaction(Keys.bind(theirBank.id()), Keys.bind(batch), "fp-1"), "fk_bank_txn_account");
        refused(() -> bankTransaction(Keys.bind(bank.id()), Keys.bind(UUID.randomUUID()), "fp-2"), "fk_bank_txn_batch");
        refused(() -> jdbc.update("INSERT INTO journal_entry (company_id, id, entry_date, description, status,"
                        + " source, currency, created_at) VALUES (?, ?, '2026-03-01', 'x', 'PROPOSED', 'MANUAL', 'USD', ?)",
                Keys.bind(UUID.randomUUID()), Keys.bind(UUID.randomUUID()), AT), "fk_entry_company");
        refused(() -> twoLineEntry(Keys.bind(theirBank.id()), Keys.bind(bank.id())), "fk_entry_debit_account");
        refused(() -> twoLineEntry(Keys.bind(bank.id()), Keys.bind(theirBank.id())), "fk_entry_credit_account");
        refused(() -> jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id,"
                        + " line_date, amount_minor, currency, description, recorded_at)"
                        + " VALUES (?, 'line-1', ?, '2026-03-01', -1000, 'USD', 'x', ?)", company,
                Keys.bind(theirBank.id()), AT), "fk_reconcile_line_account");
        refused(() -> jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id,"
                        + " line_date, amount_minor, currency, description, recorded_at, match_entry_id, match_kind,"
                        + " match_score_bp, match_reason, matched_at)"
                        + " VALUES (?, 'line-1', ?, '2026-03-01', -1000, 'USD', 'x', ?, ?, 'EXACT', 10000, 'x', ?)", company,
                Keys.bind(bank.id()), AT, Keys.bind(theirEntry.id()), AT), "fk_reconcile_line_match_entry");
        refused(() -> match("line-1", Keys.bind(theirEntry.id())), "fk_reconciliation_entry");
        refused(() -> proposal(Keys.bind(theirEntry.id())), "fk_proposal_entry");
        // one good proposal and one naming a missing entry, in one statement
        refused(() -> jdbc.update("INSERT INTO proposal (company_id, transaction_id, entry_id, txn_date,"
                        + " description, amount_minor, confidence_bp, tier, outcome, created_at)"
                        + " VALUES (?, ?, ?, '2026-03-01', 'x', -1000, 9000, 'RULE', 'QUEUED', ?),"
                        + " (?, ?, ?, '2026-03-01', 'x', -1000, 9000, 'RULE', 'QUEUED', ?)",
                company, Keys.bind(UUID.randomUUID()), Keys.bind(entry.id()), AT,
                company, Keys.bind(UUID.randomUUID()), Keys.bind(UUID.randomUUID()), AT), "fk_proposal_entry");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE company_id = ?", Integer.class, company)).isZero();
    }

    @Test
    void an_update_that_points_a_row_at_a_missing_or_foreign_parent_is_refused_and_one_that_keeps_it_is_not() {
        bankTransaction(Keys.bind(bank.id()), Keys.bind(batch), "fp-3");
        proposal(Keys.bind(entry.id()));
        match("line-2", Keys.bind(entry.id()));
        jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id, line_date, amount_minor,"
                + " currency, description, recorded_at) VALUES (?, 'line-2', ?, '2026-03-01', -1000, 'USD', 'x', ?)",
                company, Keys.bind(bank.id()), AT);

        refused(() -> jdbc.update("UPDATE bank_transaction SET batch_id = ? WHERE company_id = ?",
                Keys.bind(UUID.randomUUID()), company), "fk_bank_txn_batch");
        refused(() -> jdbc.update("UPDATE bank_transaction SET bank_account_id = ? WHERE company_id = ?",
                Keys.bind(theirBank.id()), company), "fk_bank_txn_account");
        refused(() -> jdbc.update("UPDATE proposal SET entry_id = ? WHERE company_id = ?", Keys.bind(theirEntry.id()),
                company), "fk_proposal_entry");
        refused(() -> jdbc.update("UPDATE reconciliation_match SET entry_id = ? WHERE company_id = ?",
                Keys.bind(UUID.randomUUID()), company), "fk_reconciliation_entry");
        refused(() -> jdbc.update("UPDATE reconcile_bank_line SET account_id = ? WHERE company_id = ?",
                Keys.bind(theirBank.id()), company), "fk_reconcile_line_account");

        // a line of its own: line-2 has a match of several entries, which a match of one would clash with first
        jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id, line_date, amount_minor,"
                + " currency, description, recorded_at) VALUES (?, 'line-3', ?, '2026-03-01', -1000, 'USD', 'x', ?)",
                company, Keys.bind(bank.id()), AT);
        refused(() -> jdbc.update("UPDATE reconcile_bank_line SET match_entry_id = ?, match_kind = 'MANUAL',"
                        + " match_score_bp = 10000, match_reason = 'x', matched_at = ?"
                        + " WHERE company_id = ? AND bank_line_id = 'line-3'",
                Keys.bind(theirEntry.id()), AT, company), "fk_reconcile_line_match_entry");
        refused(() -> jdbc.update("UPDATE journal_entry SET credit_account_id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(theirBank.id()), company, Keys.bind(entry.id())), "fk_entry_credit_account");

        assertThat(jdbc.update("UPDATE bank_transaction SET description = 'y', batch_id = ? WHERE company_id = ?",
                Keys.bind(batch), company)).isEqualTo(1);
        assertThat(jdbc.update("UPDATE proposal SET outcome = 'APPROVED' WHERE company_id = ?", company)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_match WHERE company_id = ? AND entry_id = ?",
                Integer.class, company, Keys.bind(entry.id()))).isEqualTo(1);
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
        assertThatThrownBy(() -> jdbc.update("UPDATE account SET company_id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(theirEntry.companyId()), company, Keys.bind(unused))).hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM import_batch WHERE company_id = ? AND id = ?", company,
                Keys.bind(batch))).hasMessageContaining("import_batch rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE import_batch SET id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(UUID.randomUUID()), company, Keys.bind(batch))).hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry WHERE company_id = ? AND id = ?", company,
                Keys.bind(entry.id()))).hasMessageContaining("journal_entry rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(UUID.randomUUID()), company, Keys.bind(entry.id()))).hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM company WHERE id = ?", company))
                .hasMessageContaining("company rows are never deleted");
        assertThatThrownBy(() -> jdbc.update("UPDATE company SET id = ? WHERE id = ?", Keys.bind(UUID.randomUUID()),
                company)).hasMessageContaining("never change");
        for (String table : List.of("company", "account", "import_batch", "journal_entry")) {
            // in a transaction rolled back whatever happens, so that a missing guard cannot empty the shared tables
            Throwable truncated = catchThrowable(() -> transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                jdbc.execute("TRUNCATE " + table + " CASCADE");
            }));
            assertThat(truncated).as(table).hasMessageContaining("never deleted");
        }
        // a change that keeps the keys is allowed, and so is writing a key's own value
        assertThat(jdbc.update("UPDATE account SET name = 'Still unused', id = id WHERE company_id = ? AND id = ?",
                company, Keys.bind(unused))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT * FROM bk_orphaned_references() WHERE orphans > 0")).isEmpty();
    }

    private void refused(ThrowingCallable write, String constraint) {
        if (TestDatabase.isPostgres()) {
            assertThatThrownBy(write).as(constraint).isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("violates foreign key constraint \"" + constraint + "\"");
        } else {
            assertThatThrownBy(write).as(constraint).hasMessageContaining("FOREIGN KEY constraint failed");
        }
    }

    private void twoLineEntry(Object debit, Object credit) {
        jdbc.update("INSERT INTO journal_entry (company_id, id, entry_date, description, status, source, currency,"
                + " created_at, debit_account_id, credit_account_id, amount_minor, credit_first)"
                + " VALUES (?, ?, '2026-03-01', 'x', 'PROPOSED', 'MANUAL', 'USD', ?, ?, ?, 1000, 0)",
                company, Keys.bind(UUID.randomUUID()), AT, debit, credit);
    }

    private void proposal(Object entryId) {
        jdbc.update("INSERT INTO proposal (company_id, transaction_id, entry_id, txn_date, description, amount_minor,"
                + " confidence_bp, tier, outcome, created_at) VALUES (?, ?, ?, '2026-03-01', 'x', -1000, 9000, 'RULE',"
                + " 'QUEUED', ?)", company, Keys.bind(UUID.randomUUID()), entryId, AT);
    }

    /** One row of a match of several entries (a match of one entry is stored on its line). */
    private void match(String line, Object entryId) {
        jdbc.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind, score_bp,"
                + " reason, created_at) VALUES (?, ?, ?, NULL, ?, 'MANY_TO_ONE', 10000, 'x', ?)", company,
                Keys.bind(UUID.randomUUID()), line, entryId, AT);
    }

    private JournalEntry rent(CompanyAccess books, Account paidFrom) {
        Account rent = ledger.accountByCode(books, "6100").orElseThrow();
        Money money = Money.of("10.00", CurrencyCode.USD);
        return ledger.propose(books, NewEntry.manual(LocalDate.of(2026, 3, 1), "rent",
                JournalLine.debit(rent.id(), money), JournalLine.credit(paidFrom.id(), money)));
    }

    private void bankTransaction(Object account, Object batchId, String fingerprint) {
        jdbc.update("INSERT INTO bank_transaction (company_id, id, bank_account_id, batch_id, booking_date, amount_minor,"
                + " currency, description, normalized_description, fingerprint, occurrence, status, source_line, created_at)"
                + " VALUES (?, ?, ?, ?, '2026-03-01', -1000, 'USD', 'x', 'x', ?, 1, 'BOOKED', 1, ?)",
                company, Keys.bind(UUID.randomUUID()), account, batchId, fingerprint, AT);
    }
}

package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Books written before keys were stored as 16 bytes (schema version 10, keys as UUID text) come through the V10_1
 * migrations whole: every reference still joins (a reversal to its entry, a booked bank line to the pending one it
 * confirms, lines and matches to their entry), a posted entry still refuses changes, and the reconciler's external
 * line ids stay text. Later migrations run over the same books: V11 (two-line entries) and V13 (a match of one entry
 * moved onto its bank line).
 */
@ExtendWith(ai.bookkeeper.testing.PostgresAvailable.class)
class KeyMigrationIntegrationTest {

    private static final String AT = "2026-03-01T00:00:00.000000Z";

    @Test
    void books_written_with_text_keys_are_migrated_whole() {
        String url = TestDatabase.freshUrl();
        DriverManagerDataSource plain = new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password());
        TestDatabase.flyway(plain).target("10").load().migrate();

        UUID user = UUID.randomUUID();
        UUID company = UUID.randomUUID();
        UUID bank = UUID.randomUUID();
        UUID rent = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // the reversal's key sorts before its original's, so V11's rebuild on SQLite copies it first
        UUID posted = first.toString().compareTo(second.toString()) > 0 ? first : second;
        UUID reversal = posted == first ? second : first;
        UUID batch = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID booked = UUID.randomUUID();
        SingleConnectionDataSource one = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true);
        try {
            JdbcTemplate old = new JdbcTemplate(one);
            if (!TestDatabase.isPostgres()) {
                old.execute("PRAGMA foreign_keys = ON");
            }
            old.update("INSERT INTO app_user (id, email, display_name, password_hash, created_at) VALUES (?, 'a@example.invalid', 'A', 'x', ?)",
                    user.toString(), AT);
            old.update("INSERT INTO company (id, name, business_type, currency, created_at) VALUES (?, 'Old Books', 'CAFE', 'USD', ?)",
                    company.toString(), AT);
            old.update("INSERT INTO membership (company_id, user_id, role, created_at) VALUES (?, ?, 'OWNER', ?)",
                    company.toString(), user.toString(), AT);
            old.update("INSERT INTO account (company_id, id, code, name, type, is_bank) VALUES (?, ?, '1000', 'Bank', 'ASSET', 1),"
                    + " (?, ?, '6000', 'Rent', 'EXPENSE', 0)", company.toString(), bank.toString(), company.toString(), rent.toString());
            entry(old, company, posted, null, rent, bank);
            old.update("UPDATE journal_entry SET status = 'POSTED', posted_at = ? WHERE company_id = ? AND id = ?",
                    AT, company.toString(), posted.toString());
            entry(old, company, reversal, posted, bank, rent);
            old.update("INSERT INTO import_batch (company_id, id, file_name, format, status, created_at) VALUES (?, ?, 'march.csv', 'CSV', 'IMPORTED', ?)",
                    company.toString(), batch.toString(), AT);
            old.update("INSERT INTO bank_transaction (company_id, id, bank_account_id, batch_id, booking_date, amount_minor, currency,"
                    + " description, normalized_description, fingerprint, occurrence, status, linked_to, source_line, created_at)"
                    + " VALUES (?, ?, ?, ?, '2026-03-01', -50000, 'USD', 'RENT', 'rent', 'fp-1', 1, 'PENDING', NULL, 1, ?),"
                    + " (?, ?, ?, ?, '2026-03-02', -50000, 'USD', 'RENT', 'rent', 'fp-2', 1, 'BOOKED', ?, 2, ?)",
                    company.toString(), pending.toString(), bank.toString(), batch.toString(), AT,
                    company.toString(), booked.toString(), bank.toString(), batch.toString(), pending.toString(), AT);
            old.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id, line_date, amount_minor,"
                    + " currency, description, recorded_at) VALUES (?, 'line-1', ?, '2026-03-01', -50000, 'USD', 'RENT', ?),"
                    + " (?, 'line-2', ?, '2026-03-02', 50000, 'USD', 'REFUND', ?)",
                    company.toString(), bank.toString(), AT, company.toString(), bank.toString(), AT);
            old.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind, score_bp, reason, created_at, created_by)"
                    + " VALUES (?, ?, 'line-1', 'line-1', ?, 'EXACT', 10000, 'by hand', ?, ?)",
                    company.toString(), UUID.randomUUID().toString(), posted.toString(), AT, user.toString());
            // one row of a match of several entries, which V13 leaves where it is
            old.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind, score_bp, reason, created_at)"
                    + " VALUES (?, ?, 'line-2', NULL, ?, 'MANY_TO_ONE', 9000, 'two refunds', ?)",
                    company.toString(), UUID.randomUUID().toString(), reversal.toString(), AT);
            old.update("INSERT INTO proposal (company_id, transaction_id, entry_id, txn_date, description, amount_minor,"
                    + " confidence_bp, tier, outcome, created_at) VALUES (?, ?, ?, '2026-03-01', 'RENT', -50000, 9000,"
                    + " 'RULE', 'AUTO_APPROVED', ?)", company.toString(), booked.toString(), posted.toString(), AT);
        } finally {
            one.destroy();
        }

        // the rest of the migrations run with SQLite's foreign keys on, as the application's connections have them
        String enforcing = TestDatabase.isPostgres() ? url : url + (url.contains("?") ? "&" : "?") + "foreign_keys=true";
        DriverManagerDataSource checked = new DriverManagerDataSource(enforcing, TestDatabase.user(), TestDatabase.password());
        if (!TestDatabase.isPostgres()) {
            assertThat(new JdbcTemplate(checked).queryForObject("PRAGMA foreign_keys", Integer.class)).isEqualTo(1);
        }
        var result = TestDatabase.flyway(checked).load().migrate();
        assertThat(result.success).isTrue();

        SingleConnectionDataSource after = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true);
        try {
            check(new JdbcTemplate(after), company, posted, reversal, booked, user);
        } finally {
            after.destroy();
        }
    }

    private static void check(JdbcTemplate jdbc, UUID company, UUID posted, UUID reversal, UUID booked, UUID user) {
        if (!TestDatabase.isPostgres()) {
            jdbc.execute("PRAGMA foreign_keys = ON");
            assertThat(jdbc.queryForList("PRAGMA foreign_key_check")).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE typeof(entry_id) = 'blob'"
                    + " AND length(entry_id) = 16 AND typeof(company_id) = 'blob'", Integer.class)).isEqualTo(4);
        }
        UUID reversed = jdbc.queryForObject("SELECT reversal_of FROM journal_entry WHERE company_id = ? AND id = ?",
                (rs, n) -> Keys.get(rs, 1), Keys.bind(company), Keys.bind(reversal));
        assertThat(reversed).isEqualTo(posted);
        assertThat(jdbc.queryForObject("SELECT p.status FROM bank_transaction b JOIN bank_transaction p"
                        + " ON p.company_id = b.company_id AND p.id = b.linked_to WHERE b.company_id = ? AND b.id = ?",
                String.class, Keys.bind(company), Keys.bind(booked))).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT SUM(l.debit_minor) FROM journal_line l JOIN journal_entry e"
                        + " ON e.company_id = l.company_id AND e.id = l.entry_id JOIN account a ON a.company_id = l.company_id"
                        + " AND a.id = l.account_id WHERE e.company_id = ? AND e.status = 'POSTED' AND a.code = '6000'",
                Long.class, Keys.bind(company))).isEqualTo(50_000L);
        // V13: the match of one entry moved onto its line, with its kind, score, reason and time; the several-entry
        // match stayed a reconciliation_match row
        assertThat(jdbc.queryForObject("SELECT bank_line_id || ' ' || match_kind || ' ' || match_score_bp || ' '"
                        + " || match_reason || ' ' || matched_at || ' ' || matched_by FROM reconcile_bank_line"
                        + " WHERE company_id = ? AND match_entry_id = ?",
                String.class, Keys.bind(company), Keys.bind(posted))).isEqualTo("line-1 EXACT 10000 by hand " + AT + " " + user);
        assertThat(jdbc.queryForList("SELECT bank_line_id FROM reconciliation_match WHERE company_id = ?", String.class,
                Keys.bind(company))).containsExactly("line-2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_bank_line WHERE company_id = ?", Integer.class,
                Keys.bind(company))).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET description = 'edited' WHERE company_id = ? AND id = ?",
                Keys.bind(company), Keys.bind(posted))).hasMessageContaining("posted");
        // V11 (two-line entries in the entry's row; on SQLite a rebuilt table) keeps the entries written before it in
        // journal_line, and the view of all lines shows them
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE company_id = ? AND amount_minor IS NULL",
                Integer.class, Keys.bind(company))).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(debit_minor) - SUM(credit_minor) FROM journal_posting"
                + " WHERE company_id = ? AND entry_id IN (?, ?)", Long.class, Keys.bind(company), Keys.bind(posted),
                Keys.bind(reversal))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_posting WHERE company_id = ?", Integer.class,
                Keys.bind(company))).isEqualTo(4);
        UUID proposed = jdbc.queryForObject("SELECT entry_id FROM proposal WHERE company_id = ?", (rs, n) -> Keys.get(rs, 1),
                Keys.bind(company));
        assertThat(proposed).isEqualTo(posted);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry WHERE company_id = ? AND id = ?",
                Keys.bind(company), Keys.bind(reversal))).as("references to the rebuilt table are enforced again")
                .hasMessageMatching(TestDatabase.isPostgres() ? "(?is).*never deleted.*" : "(?is).*foreign key.*");
    }

    @Test
    void the_move_of_single_entry_matches_stops_and_changes_nothing_when_one_names_a_line_never_recorded() {
        String url = TestDatabase.freshUrl();
        DriverManagerDataSource plain = new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password());
        TestDatabase.flyway(plain).target(TestDatabase.isPostgres() ? "12.1" : "12").load().migrate();
        UUID company = UUID.randomUUID();
        UUID bank = UUID.randomUUID();
        UUID rent = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        JdbcTemplate old = new JdbcTemplate(plain);
        old.update("INSERT INTO company (id, name, business_type, currency, created_at) VALUES (?, 'Lost Line', 'CAFE', 'USD', ?)",
                Keys.bind(company), AT);
        old.update("INSERT INTO account (company_id, id, code, name, type, is_bank) VALUES (?, ?, '1000', 'Bank', 'ASSET', 1),"
                + " (?, ?, '6000', 'Rent', 'EXPENSE', 0)", Keys.bind(company), Keys.bind(bank), Keys.bind(company), Keys.bind(rent));
        old.update("INSERT INTO journal_entry (company_id, id, entry_date, description, status, source, currency, created_at,"
                + " debit_account_id, credit_account_id, amount_minor, credit_first)"
                + " VALUES (?, ?, '2026-03-01', 'Rent', 'APPROVED', 'MANUAL', 'USD', ?, ?, ?, 50000, 1)",
                Keys.bind(company), Keys.bind(entry), AT, Keys.bind(rent), Keys.bind(bank));
        // a single-entry match whose line the reconciler never recorded: the application never writes one
        old.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind, score_bp, reason, created_at)"
                + " VALUES (?, ?, 'lost', 'lost', ?, 'EXACT', 10000, 'by hand', ?)",
                Keys.bind(company), Keys.bind(UUID.randomUUID()), Keys.bind(entry), AT);

        assertThatThrownBy(() -> TestDatabase.flyway(plain).load().migrate())
                .hasMessageMatching("(?s).*(a_single_entry_match_names_a_bank_line_the_reconciler_never_recorded"
                        + "|names a bank line the reconciler never recorded).*");
        assertThat(old.queryForObject("SELECT COUNT(*) FROM reconciliation_match WHERE sole_line_id = 'lost'", Integer.class))
                .as("the match is still where it was").isOne();
        assertThat(old.queryForObject("SELECT version FROM flyway_schema_history WHERE success = "
                + (TestDatabase.isPostgres() ? "true" : "1") + " ORDER BY installed_rank DESC LIMIT 1", String.class))
                .as("the last migration applied").isEqualTo(TestDatabase.isPostgres() ? "12.1" : "12");
    }

    /** An approved entry of 500.00 in text-key form, as the previous build wrote it. */
    private static void entry(JdbcTemplate old, UUID company, UUID id, UUID reversalOf, UUID debit, UUID credit) {
        old.update("INSERT INTO journal_entry (company_id, id, entry_date, description, status, source, currency, reversal_of,"
                        + " created_at, version) VALUES (?, ?, '2026-03-01', 'Rent', 'APPROVED', 'MANUAL', 'USD', ?, ?, 0)",
                company.toString(), id.toString(), reversalOf == null ? null : reversalOf.toString(), AT);
        old.update("INSERT INTO journal_line (company_id, entry_id, line_no, account_id, debit_minor, credit_minor)"
                        + " VALUES (?, ?, 1, ?, 50000, 0), (?, ?, 2, ?, 0, 50000)",
                company.toString(), id.toString(), debit.toString(), company.toString(), id.toString(), credit.toString());
    }
}

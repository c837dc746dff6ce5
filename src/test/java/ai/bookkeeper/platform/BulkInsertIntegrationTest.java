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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path (COPY on PostgreSQL, a JDBC batch on SQLite) stores exactly what an INSERT would, refuses what an
 * INSERT would refuse, and skips rows a key holds already when asked to, batch after batch in one transaction.
 */
class BulkInsertIntegrationTest extends DatabaseIntegrationTest {

    private static final String AT = "2026-03-01T00:00:00.000000Z";
    private static final List<String> COLUMNS = List.of("company_id", "bank_line_id", "account_id", "line_date",
            "amount_minor", "currency", "description", "recorded_at", "match_entry_id", "match_kind", "match_score_bp",
            "match_reason", "matched_at", "matched_by");

    /** Sends every batch by COPY on PostgreSQL, however small; the application's bean does so from 100 rows. */
    BulkInsert bulk;
    @Autowired BulkInsert application;
    @Autowired DatabaseEngine engine;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    CompanyAccess owner;
    Account bank;
    JournalEntry entry;

    @BeforeEach
    void books() {
        bulk = new BulkInsert(jdbc, engine, 1);
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        Account rent = ledger.accountByCode(owner, "6100").orElseThrow();
        Money money = Money.of("10.00", CurrencyCode.USD);
        entry = ledger.propose(owner, NewEntry.manual(LocalDate.of(2026, 3, 1), "rent",
                JournalLine.debit(rent.id(), money), JournalLine.credit(bank.id(), money)));
    }

    private Object[] line(String id, String description, UUID matchEntry) {
        return new Object[] {owner.companyId().value(), id, bank.id().value(), "2026-03-01", -1000L, "USD", description, AT,
                matchEntry, matchEntry == null ? null : "EXACT", matchEntry == null ? null : 10_000,
                matchEntry == null ? null : "booked from it", matchEntry == null ? null : AT, null};
    }

    private List<String> stored() {
        return jdbc.queryForList("SELECT bank_line_id || '|' || description || '|' || COALESCE(match_kind, 'none')"
                + " FROM reconcile_bank_line WHERE company_id = ? ORDER BY bank_line_id", String.class,
                Keys.bind(owner.companyId()));
    }

    @Test
    void rows_read_back_exactly_with_tabs_newlines_backslashes_quotes_accents_nulls_and_keys() {
        String awkward = "tab\there\nnew line\r\\N not null\\ 'quoted' \"double\" Zürich café ½ €";
        transactions.executeWithoutResult(status -> bulk.insert("reconcile_bank_line", COLUMNS, List.of(
                line("a", awkward, entry.id().value()), line("b", "", null), line("c", "\\", null))));

        assertThat(stored()).containsExactly("a|" + awkward + "|EXACT", "b||none", "c|\\|none");
        UUID matched = jdbc.queryForObject("SELECT match_entry_id FROM reconcile_bank_line WHERE company_id = ?"
                + " AND bank_line_id = 'a'", (rs, n) -> Keys.get(rs, 1), Keys.bind(owner.companyId()));
        assertThat(matched).isEqualTo(entry.id().value());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_bank_line WHERE company_id = ?"
                + " AND match_entry_id IS NULL AND matched_by IS NULL AND match_score_bp IS NULL", Integer.class,
                Keys.bind(owner.companyId()))).isEqualTo(2);
    }

    @Test
    void a_row_a_key_refuses_fails_the_whole_insert_as_a_unique_violation_and_a_missing_parent_as_a_reference() {
        transactions.executeWithoutResult(status -> bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(line("a", "first", null))));

        Throwable duplicate = catchThrowable(() -> transactions.executeWithoutResult(status ->
                bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(line("b", "new", null), line("a", "again", null)))));
        assertThat(duplicate).isInstanceOf(DataAccessException.class);
        assertThat(SqlErrors.uniqueViolation((DataAccessException) duplicate)).isTrue();

        Object[] orphan = line("c", "no such account", null);
        orphan[2] = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(line("d", "fine", null), orphan))))
                .isInstanceOf(DataAccessException.class)
                .hasMessageMatching("(?is).*(fk_reconcile_line_account|foreign key constraint failed).*");
        assertThat(stored()).containsExactly("a|first|none");
    }

    @Test
    void skipping_conflicts_stores_only_the_new_rows_batch_after_batch_in_one_transaction() {
        transactions.executeWithoutResult(status -> bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(line("a", "first", null))));

        transactions.executeWithoutResult(status -> {
            bulk.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "company_id, bank_line_id",
                    List.<Object[]>of(line("a", "again", null), line("b", "second", null), line("b", "twice in one batch", null)));
            jdbc.update("DELETE FROM reconcile_bank_line WHERE company_id = ? AND bank_line_id = 'b'",
                    Keys.bind(owner.companyId()));
            // a second batch in the same transaction: on PostgreSQL the staging table holds only this batch's rows,
            // so b comes back as this batch has it, not as the first batch had it
            bulk.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "",
                    List.<Object[]>of(line("b", "third", null), line("c", "fourth", null)));
        });

        assertThat(stored()).containsExactly("a|first|none", "b|third|none", "c|fourth|none");

        // and outside any transaction (autocommit), where the staged rows must not be emptied by a commit too early
        bulk.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "company_id, bank_line_id",
                List.of(line("c", "fifth", null), line("d", "sixth", null)));
        assertThat(stored()).containsExactly("a|first|none", "b|third|none", "c|fourth|none", "d|sixth|none");
    }

    @Test
    void many_rows_in_one_call_are_all_stored() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(line(String.format("line-%05d", i), "row " + i, null));
        }
        transactions.executeWithoutResult(status -> bulk.insert("reconcile_bank_line", COLUMNS, rows));
        assertThat(stored()).hasSize(5_000).first().isEqualTo("line-00000|row 0|none");

        // again with three new ones among them, skipping what is stored: only the three are added
        rows.add(1, line("new-1", "new", null));
        rows.add(line("new-2", "new", null));
        rows.add(line("new-3", "new", null));
        transactions.executeWithoutResult(status -> bulk.insertSkippingConflicts("reconcile_bank_line", COLUMNS,
                "company_id, bank_line_id", rows));
        assertThat(stored()).hasSize(5_003).endsWith("new-1|new|none", "new-2|new|none", "new-3|new|none");
    }

    @Test
    void the_applications_bulk_insert_stores_small_batches_as_inserts_and_large_ones_by_copy_alike() {
        List<Object[]> small = new ArrayList<>();
        List<Object[]> large = new ArrayList<>();
        for (int i = 0; i < BulkInsert.COPY_MIN_ROWS - 1; i++) {
            small.add(line(String.format("s-%03d", i), "tab\there " + i, null));
        }
        for (int i = 0; i < BulkInsert.COPY_MIN_ROWS; i++) {
            large.add(line(String.format("t-%03d", i), "tab\there " + i, null));
        }
        transactions.executeWithoutResult(status -> {
            application.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "company_id, bank_line_id", small);
            application.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "company_id, bank_line_id", large);
            application.insertSkippingConflicts("reconcile_bank_line", COLUMNS, "company_id, bank_line_id", large);
        });
        assertThat(stored()).hasSize(2 * BulkInsert.COPY_MIN_ROWS - 1)
                .contains("s-000|tab\there 0|none", "t-099|tab\there 99|none");
        assertThatThrownBy(() -> application.insertSkippingConflicts("reconcile_bank_line", COLUMNS,
                "company_id) DO NOTHING; --", small)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a list of plain SQL names");
    }

    @Test
    void a_row_of_the_wrong_width_or_an_unknown_value_type_is_a_programming_error() {
        Object[] narrow = Arrays.copyOf(line("a", "x", null), 13);
        assertThatThrownBy(() -> bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(narrow)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("13 values for 14 columns");
        Object[] odd = line("a", "x", null);
        odd[4] = java.math.BigDecimal.TEN;
        assertThatThrownBy(() -> bulk.insert("reconcile_bank_line", COLUMNS, List.<Object[]>of(odd)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> bulk.insert("reconcile_bank_line; DROP TABLE account", COLUMNS, List.<Object[]>of(odd)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain SQL name");
    }
}

package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.cli.Commands;
import ai.bookkeeper.testing.PostgresAvailable;
import ai.bookkeeper.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keys are stored as 16 bytes (platform.Keys; migrations V10_1): uuid columns on PostgreSQL, BLOBs in SQLite's
 * VARCHAR(36) columns. A key written as text anywhere would fail on PostgreSQL but, on SQLite, would be stored and then
 * never be found by a lookup that binds the key's bytes. So after the whole pilot (imports, receipts, categorizing,
 * proposals, approvals, reconciliation, reports) every key column must hold only 16-byte keys. Runs on a database of
 * its own, which the pilot fills from empty.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest
class PilotKeyStorageIntegrationTest {

    /** VARCHAR(36) columns that are not keys: the reconciler's external ids, the audit subject, who acted. */
    private static final Set<String> TEXT_COLUMNS = Set.of("reconcile_bank_line.bank_line_id",
            "reconciliation_match.bank_line_id", "reconciliation_match.sole_line_id",
            "reconciliation_declined.bank_line_id", "document_link.document_id", "audit_event.subject_id",
            "audit_event.actor", "journal_entry.created_by", "journal_entry.decided_by", "proposal.decided_by",
            "reconciliation_match.created_by", "reconcile_bank_line.matched_by", "reconciliation_declined.declined_by", "document_link.created_by",
            "job.created_by");

    private static final String URL = TestDatabase.freshUrlForContext();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @Autowired Commands commands;
    @Autowired JdbcTemplate jdbc;

    @Test
    void after_the_pilot_every_key_column_holds_only_sixteen_byte_keys(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = commands.run(new String[] {"pilot", "--quiet", "--data", dir.resolve("data").toString(),
                "--reports", dir.resolve("reports").toString()}, print, print);
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

        if (TestDatabase.isPostgres()) {
            List<String> textKeys = jdbc.queryForList("""
                    SELECT table_name || '.' || column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND character_maximum_length = 36
                    ORDER BY 1""", String.class);
            assertThat(textKeys).as("VARCHAR(36) columns left on PostgreSQL").containsExactlyInAnyOrderElementsOf(TEXT_COLUMNS);
            return;
        }
        List<String> keyColumns = jdbc.queryForList("""
                SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c
                WHERE m.type = 'table' AND upper(c.type) = 'VARCHAR(36)' ORDER BY 1""", String.class);
        keyColumns.removeAll(TEXT_COLUMNS);
        assertThat(keyColumns).contains("company.id", "journal_line.company_id", "journal_line.entry_id",
                "bank_transaction.id", "proposal.transaction_id", "reconciliation_match.entry_id",
                "reconcile_bank_line.match_entry_id",
                "journal_entry.debit_account_id", "journal_entry.credit_account_id");
        List<String> wrong = new ArrayList<>();
        long keys = 0;
        for (String column : keyColumns) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            keys += jdbc.queryForObject("SELECT COUNT(" + name + ") FROM " + table, Long.class);
            long text = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + name + " IS NOT NULL AND ("
                    + "typeof(" + name + ") <> 'blob' OR length(" + name + ") <> 16)", Long.class);
            if (text > 0) {
                wrong.add(column + ": " + text + " rows");
            }
        }
        assertThat(wrong).as("key columns holding something other than 16-byte keys").isEmpty();
        assertThat(keys).as("keys written by the pilot").isGreaterThan(10_000);
    }
}

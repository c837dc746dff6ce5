package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The schema rules that let the books be distributed by company later: every company-data table carries
 * company_id NOT NULL as the first column of its primary key, and every foreign key between company tables
 * includes it (keys to the global tables, users and companies, are exempt: those become reference tables). Checked from the live catalog of whichever engine this run uses, so a new table can't slip by.
 */
class SchemaConventionsIntegrationTest extends DatabaseIntegrationTest {

    /** Tables that hold no company data: the tenant root, users and their tokens and idempotency keys, the job queue, Flyway. */
    private static final Set<String> GLOBAL_TABLES = Set.of("app_user", "company", "flyway_schema_history", "api_token",
            "idempotency_record", "scheduled_tasks", "category_global_model");

    @Autowired DataSource dataSource;

    @Test
    void every_company_table_leads_its_primary_key_with_a_non_null_company_id() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = tables(meta);
            assertThat(tables).contains("journal_entry", "journal_line", "account", "membership");
            for (String table : tables) {
                if (GLOBAL_TABLES.contains(table)) {
                    continue;
                }
                assertThat(primaryKey(meta, table)).as("primary key of %s", table).first().isEqualTo("company_id");
                assertThat(nullable(meta, table, "company_id")).as("%s.company_id nullable", table).isFalse();
                for (List<String> fk : foreignKeys(meta, table).values()) {
                    assertThat(fk).as("a foreign key of %s", table).contains("company_id");
                }
            }
        }
    }

    @Test
    void postgresql_keeps_minimal_planner_statistics_on_company_id_so_a_new_tenant_is_not_costed_at_one_row()
            throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.isPostgres(), "planner statistics are PostgreSQL's");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT r.relname, a.attstattarget FROM pg_attribute a
                     JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                     WHERE n.nspname = current_schema() AND r.relkind = 'r' AND a.attname = 'company_id'""")) {
            Map<String, Integer> targets = new TreeMap<>();
            while (rs.next()) {
                targets.put(rs.getString(1), rs.getInt(2));
            }
            assertThat(targets).containsKeys("journal_entry", "journal_line", "reconciliation_match", "bank_transaction");
            assertThat(targets).allSatisfy((table, target) -> assertThat(target).as("statistics target of %s.company_id",
                    table).isEqualTo(1));
        }
    }

    @Test
    void the_migrations_apply_to_an_empty_database_and_leave_it_consistent() throws SQLException {
        String url = TestDatabase.freshUrl();
        DriverManagerDataSource fresh = new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password());
        var result = TestDatabase.flyway(fresh).load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        if (!TestDatabase.isPostgres()) {
            try (Connection c = fresh.getConnection(); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }

    private static List<String> tables(DatabaseMetaData meta) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public")) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.removeIf(t -> t.startsWith("sqlite_"));
        return tables;
    }

    private static List<String> primaryKey(DatabaseMetaData meta, String table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(columns.values());
    }

    private static boolean nullable(DatabaseMetaData meta, String table, String column) throws SQLException {
        try (ResultSet rs = meta.getColumns(null, null, table, column)) {
            assertThat(rs.next()).as("%s has a %s column", table, column).isTrue();
            return rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        }
    }

    /** Foreign keys of {@code table} by name, each as its local columns. */
    private static Map<String, List<String>> foreignKeys(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, List<String>> keys = new TreeMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
            while (rs.next()) {
                String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                if (GLOBAL_TABLES.contains(target)) {
                    continue; // global tables become reference tables, replicated to every node
                }
                String name = target + ":" + rs.getString("FK_NAME");
                keys.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }
}

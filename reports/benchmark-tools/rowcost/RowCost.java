import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;

/**
 * What writing journal entries and their two lines costs in the product's own tables, from Java over JDBC, with
 * nothing else running: one connection, one company, {@code per} entries per transaction. Tenth session
 * (reports/benchmark.md). rowcost.sh makes the migrated databases and runs this; by hand:
 * {@code java -cp sqlite-jdbc.jar:postgresql.jar:slf4j-api.jar RowCost.java MODE URL ENTRIES [PER]}, where MODE is
 * {@code batch} (JDBC batches, as the application writes) or {@code json} (SQLite: one INSERT … SELECT FROM
 * json_each(?) per table and transaction) or {@code unnest} (PostgreSQL: one INSERT … SELECT FROM unnest(?::uuid[], …)
 * per table and transaction). Prints the seconds, then checks that every entry written has its two lines and balances
 * (exit status 1 if not). Run it on a database it has not written to before (its keys would collide). Keys sort
 * after the company's existing ones, as the application's time-ordered keys do; dates advance one day per 300
 * entries, as in the floor's statements. What it leaves out: SQLite's background checkpointer (here the writer
 * checkpoints at SQLite's default 1,000 pages) and everything but the two tables.
 */
public class RowCost {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        int entries = Integer.parseInt(args[2]);
        int per = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (mode.equals("json") == postgres && !mode.equals("batch") || !mode.matches("batch|json|unnest")) {
            throw new IllegalArgumentException("mode '" + mode + "' for " + (postgres ? "PostgreSQL" : "SQLite")
                    + ": use batch or " + (postgres ? "unnest" : "json"));
        }
        Properties properties = new Properties();
        if (postgres) {
            properties.setProperty("user", "postgres");
            properties.setProperty("reWriteBatchedInserts", "true");
        } else {
            properties.setProperty("foreign_keys", "true");
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("synchronous", "NORMAL");
            properties.setProperty("cache_size", "-65536");
        }
        try (Connection c = DriverManager.getConnection(url, properties)) {
            Object company;
            Object debit;
            Object credit;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT company_id, id FROM account ORDER BY company_id, code LIMIT 2")) {
                r.next();
                company = r.getObject(1);
                debit = r.getObject(2);
                r.next();
                credit = r.getObject(2);
            }
            c.setAutoCommit(false);
            String at = "2026-11-27T06:00:00.123456Z";
            long started = System.nanoTime();
            long seq = 0;
            int nextAnalyze = 0;
            for (int done = 0; done < entries; done += per) {
                int size = Math.min(per, entries - done);
                Object[] ids = new Object[size];
                String[] dates = new String[size];
                String[] descriptions = new String[size];
                long[] amounts = new long[size];
                for (int i = 0; i < size; i++) {
                    seq++;
                    UUID id = new UUID(FIRST_KEY_BITS, seq);
                    ids[i] = postgres ? id : bytes(id);
                    dates[i] = LocalDate.of(2015, 1, 1).plusDays(seq / 300).toString();
                    descriptions[i] = "CARD PURCHASE SYSCO FOODS #" + seq;
                    amounts[i] = 1000 + seq % 500;
                }
                switch (mode) {
                    case "batch" -> batch(c, company, debit, credit, ids, dates, descriptions, amounts, at);
                    case "json" -> json(c, company, debit, credit, ids, dates, descriptions, amounts, at);
                    case "unnest" -> unnest(c, company, debit, credit, ids, dates, descriptions, amounts, at);
                    default -> throw new IllegalStateException(mode);
                }
                c.commit();
                if (postgres && done >= nextAnalyze) {
                    // as the pipeline's PlannerStatistics.refresh (statistics target 10): the posted-line guard's plan
                    // needs current counts
                    try (Statement s = c.createStatement()) {
                        s.execute("SET LOCAL default_statistics_target = 10");
                        s.execute("ANALYZE journal_entry");
                        s.execute("ANALYZE journal_line");
                    }
                    c.commit();
                    nextAnalyze += 20_000;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s %s: %d entries, %d per transaction, %.2f s (%.0f entries/s)%n",
                    postgres ? "PostgreSQL" : "SQLite", mode, entries, per, seconds, entries / seconds);
            // the entries written: keys from FIRST_KEY_BITS on; each must have two lines that balance
            Object from = postgres ? new UUID(FIRST_KEY_BITS, 0) : bytes(new UUID(FIRST_KEY_BITS, 0));
            try (PreparedStatement check = c.prepareStatement("""
                    SELECT COUNT(*), COALESCE(SUM(CASE WHEN n = 2 AND d = k THEN 0 ELSE 1 END), 0)
                    FROM (SELECT l.entry_id, COUNT(*) AS n, SUM(l.debit_minor) AS d, SUM(l.credit_minor) AS k
                          FROM journal_entry e JOIN journal_line l ON l.company_id = e.company_id AND l.entry_id = e.id
                          WHERE e.company_id = ? AND e.id >= ? GROUP BY l.entry_id) t""")) {
                check.setObject(1, company);
                check.setObject(2, from);
                try (ResultSet r = check.executeQuery()) {
                    r.next();
                    if (r.getLong(1) != entries || r.getLong(2) != 0) {
                        System.out.printf("CHECK FAILED: %d entries with lines found, %d without two balanced lines%n",
                                r.getLong(1), r.getLong(2));
                        System.exit(1);
                    }
                    System.out.printf("checked: %d entries, each with two lines that balance%n", r.getLong(1));
                }
            }
        }
    }

    /** The high bits of every key written: above the application's time-ordered keys (which begin 0x01…). */
    private static final long FIRST_KEY_BITS = 0x7fff_0000_0000_7000L;

    private static final String ENTRY = "INSERT INTO journal_entry (company_id, id, entry_date, description, memo,"
            + " status, source, currency, reversal_of, created_by, created_at, decided_by, decided_at, posted_at,"
            + " version) ";
    private static final String LINE = "INSERT INTO journal_line (company_id, entry_id, line_no, account_id,"
            + " debit_minor, credit_minor, memo) ";

    private static void batch(Connection c, Object company, Object debit, Object credit, Object[] ids,
            String[] dates, String[] descriptions, long[] amounts, String at) throws Exception {
        try (PreparedStatement e = c.prepareStatement(ENTRY + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement l = c.prepareStatement(LINE + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ids.length; i++) {
                e.setObject(1, company);
                e.setObject(2, ids[i]);
                e.setString(3, dates[i]);
                e.setString(4, descriptions[i]);
                e.setString(5, "rule matched sysco");
                e.setString(6, "PROPOSED");
                e.setString(7, "IMPORT");
                e.setString(8, "USD");
                e.setNull(9, Types.OTHER);
                e.setString(10, null);
                e.setString(11, at);
                e.setString(12, null);
                e.setString(13, null);
                e.setString(14, null);
                e.addBatch();
                for (int n = 1; n <= 2; n++) {
                    l.setObject(1, company);
                    l.setObject(2, ids[i]);
                    l.setInt(3, n);
                    l.setObject(4, n == 1 ? debit : credit);
                    l.setLong(5, n == 1 ? amounts[i] : 0);
                    l.setLong(6, n == 2 ? amounts[i] : 0);
                    l.setString(7, null);
                    l.addBatch();
                }
            }
            e.executeBatch();
            l.executeBatch();
        }
    }

    private static void json(Connection c, Object company, Object debit, Object credit, Object[] ids,
            String[] dates, String[] descriptions, long[] amounts, String at) throws Exception {
        HexFormat hex = HexFormat.of();
        StringBuilder e = new StringBuilder("[");
        StringBuilder l = new StringBuilder("[");
        for (int i = 0; i < ids.length; i++) {
            String id = hex.formatHex((byte[]) ids[i]);
            e.append(i == 0 ? "" : ",").append("[\"").append(id).append("\",\"").append(dates[i]).append("\",\"")
                    .append(descriptions[i]).append("\"]");
            l.append(i == 0 ? "" : ",")
                    .append("[\"").append(id).append("\",1,\"").append(hex.formatHex((byte[]) debit)).append("\",")
                    .append(amounts[i]).append(",0],")
                    .append("[\"").append(id).append("\",2,\"").append(hex.formatHex((byte[]) credit)).append("\",0,")
                    .append(amounts[i]).append("]");
        }
        try (PreparedStatement es = c.prepareStatement(ENTRY + "SELECT ?, unhex(j.value->>0), j.value->>1,"
                + " j.value->>2, 'rule matched sysco', 'PROPOSED', 'IMPORT', 'USD', NULL, NULL, ?, NULL, NULL, NULL, 0"
                + " FROM json_each(?) j");
             PreparedStatement ls = c.prepareStatement(LINE + "SELECT ?, unhex(j.value->>0), j.value->>1,"
                     + " unhex(j.value->>2), j.value->>3, j.value->>4, NULL FROM json_each(?) j")) {
            es.setObject(1, company);
            es.setString(2, at);
            es.setString(3, e.append(']').toString());
            es.executeUpdate();
            ls.setObject(1, company);
            ls.setString(2, l.append(']').toString());
            ls.executeUpdate();
        }
    }

    private static void unnest(Connection c, Object company, Object debit, Object credit, Object[] ids,
            String[] dates, String[] descriptions, long[] amounts, String at) throws Exception {
        int n = ids.length;
        Object[] lineEntries = new Object[2 * n];
        Integer[] numbers = new Integer[2 * n];
        Object[] accounts = new Object[2 * n];
        Long[] debits = new Long[2 * n];
        Long[] credits = new Long[2 * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 2; k++) {
                lineEntries[2 * i + k] = ids[i];
                numbers[2 * i + k] = k + 1;
                accounts[2 * i + k] = k == 0 ? debit : credit;
                debits[2 * i + k] = k == 0 ? amounts[i] : 0L;
                credits[2 * i + k] = k == 1 ? amounts[i] : 0L;
            }
        }
        try (PreparedStatement es = c.prepareStatement(ENTRY + "SELECT ?, u.id, u.t, u.d,"
                + " 'rule matched sysco', 'PROPOSED', 'IMPORT', 'USD', NULL, NULL, ?, NULL, NULL, NULL, 0"
                + " FROM unnest(?::uuid[], ?::varchar[], ?::varchar[]) AS u(id, t, d)");
             PreparedStatement ls = c.prepareStatement(LINE + "SELECT ?, u.e, u.n, u.a, u.d, u.c, NULL"
                     + " FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::bigint[], ?::bigint[]) AS u(e, n, a, d, c)")) {
            es.setObject(1, company);
            es.setString(2, at);
            es.setArray(3, c.createArrayOf("uuid", ids));
            es.setArray(4, c.createArrayOf("varchar", dates));
            es.setArray(5, c.createArrayOf("varchar", descriptions));
            es.executeUpdate();
            ls.setObject(1, company);
            ls.setArray(2, c.createArrayOf("uuid", lineEntries));
            ls.setArray(3, c.createArrayOf("int4", numbers));
            ls.setArray(4, c.createArrayOf("uuid", accounts));
            ls.setArray(5, c.createArrayOf("int8", debits));
            ls.setArray(6, c.createArrayOf("int8", credits));
            ls.executeUpdate();
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}

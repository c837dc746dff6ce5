package ai.bookkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.BookkeeperApplication;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * kill -9 in the middle of a 10,000-row import, again and again, then one run to the end: SQLite's integrity check
 * passes, exactly 10,000 transactions with no duplicate fingerprint, every import batch either IMPORTED or absent
 * (none half-written), and the ledger balanced. SQLite only (PostgreSQL's crash recovery is the server's own).
 *
 * <p>Each round starts a child JVM on the same database file and kills it (SIGKILL, {@link Process#destroyForcibly})
 * at a random point within the import time measured in a first, unkilled run on a copy, or within the duration of the
 * last run that finished before its kill (a re-run that finds only duplicates is quicker). Rounds go on until
 * {@code bookkeeper.test.kills} (default 50) kills have landed mid-import; the test fails if the time budget
 * {@code bookkeeper.test.kill-budget-seconds} (default 720) runs out first. The numbers reached are printed.
 */
class KillNineDuringImportTest {

    static final int ROWS = 10_000;
    static final Path DIR = Path.of("target", "kill-nine");

    @Test
    void an_import_killed_at_random_points_and_re_run_leaves_exactly_one_consistent_copy() throws Exception {
        Files.createDirectories(DIR);
        Path run = Files.createTempDirectory(DIR, "run");
        Path csv = run.resolve("ten-thousand.csv");
        writeRows(csv);
        Path database = run.resolve("books.db");
        String company = createCompany(database);

        // measure: one unkilled run on a copy of the database
        Path copy = run.resolve("measure.db");
        Files.copy(database, copy);
        Child measured = Child.start(copy, company, csv);
        measured.awaitImportStarted();
        long started = System.nanoTime();
        assertThat(measured.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        long importMillis = (System.nanoTime() - started) / 1_000_000;
        long runMillis = importMillis;
        assertThat(measured.process.exitValue()).as(measured.output()).isZero();
        assertThat(measured.output()).contains(ROWS + " read, " + ROWS + " new").contains("PROPOSED " + ROWS);

        int wanted = Integer.getInteger("bookkeeper.test.kills", 50);
        long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("bookkeeper.test.kill-budget-seconds", 720));
        Random random = new Random(11);
        long roundsStarted = System.nanoTime();
        int kills = 0;
        int finishedBeforeKill = 0;
        // rounds go on until the wanted number of kills have landed mid-import; a run that finished before its kill
        // doesn't count (it still checks that a completed re-run is consistent)
        while (kills < wanted && System.nanoTime() < budget) {
            Child child = Child.start(database, company, csv);
            child.awaitImportStarted();
            long delay = (long) (random.nextDouble() * runMillis * 0.95);
            long waited = System.nanoTime();
            if (child.process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                finishedBeforeKill++;
                // a re-run after a complete one only finds duplicates and is quicker than the first import: aim the
                // next kills within the run as it is now
                runMillis = Math.max(20, (System.nanoTime() - waited) / 1_000_000);
            } else {
                child.process.destroyForcibly().waitFor();
                kills++;
            }
            assertIntact(database);
        }
        System.out.printf("kill-nine: import took %d ms; %d rounds in %d s: %d SIGKILLs mid-import, %d runs finished"
                + " first%n", importMillis, kills + finishedBeforeKill, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime()
                - roundsStarted), kills, finishedBeforeKill);
        assertThat(kills).as("SIGKILLs that landed mid-import within the time budget").isGreaterThanOrEqualTo(wanted);

        Child last = Child.start(database, company, csv);
        assertThat(last.process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.process.exitValue()).as(last.output()).isZero();
        assertIntact(database);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM bank_transaction")).isEqualTo(ROWS);
            assertThat(count(s, "SELECT COUNT(*) FROM import_batch WHERE status = 'IMPORTED' AND rows_new = " + ROWS))
                    .isEqualTo(1);
            // the re-run finished what the killed runs left: every transaction proposed exactly once, one entry each
            assertThat(count(s, "SELECT COUNT(*) FROM bank_transaction t WHERE NOT EXISTS (SELECT 1 FROM proposal p"
                    + " WHERE p.company_id = t.company_id AND p.transaction_id = t.id)")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM proposal")).isEqualTo(ROWS);
            assertThat(count(s, "SELECT COUNT(*) FROM journal_entry WHERE source = 'BANK'")).isEqualTo(ROWS);
        }
        deleteQuietly(run);
    }

    /** After every kill: the file is sound, nothing is duplicated or half-written, the books balance. */
    static void assertIntact(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            long rows = count(s, "SELECT COUNT(*) FROM bank_transaction");
            assertThat(rows).as("all or nothing of the file").isIn(0L, (long) ROWS);
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT company_id, bank_account_id, fingerprint FROM bank_transaction"
                    + " GROUP BY company_id, bank_account_id, fingerprint HAVING COUNT(*) > 1) d")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM import_batch b WHERE status = 'IMPORTED' AND rows_new <>"
                    + " (SELECT COUNT(*) FROM bank_transaction t WHERE t.company_id = b.company_id AND t.batch_id = b.id)"))
                    .as("no batch says more or less than it holds").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM journal_entry e WHERE (SELECT COUNT(*) FROM journal_posting l"
                    + " WHERE l.company_id = e.company_id AND l.entry_id = e.id) < 2")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM journal_entry e WHERE e.amount_minor IS NOT NULL AND EXISTS"
                    + " (SELECT 1 FROM journal_line l WHERE l.company_id = e.company_id AND l.entry_id = e.id)"))
                    .as("entries with their lines in two places").isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM (SELECT entry_id FROM journal_posting GROUP BY company_id, entry_id"
                    + " HAVING SUM(debit_minor) <> SUM(credit_minor)) u")).isZero();
            assertThat(count(s, "SELECT COALESCE(SUM(debit_minor) - SUM(credit_minor), 0) FROM journal_posting"
                    + " WHERE status IN ('APPROVED', 'POSTED')")).as("trial balance").isZero();
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String createCompany(Path database) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BookkeeperApplication.class)
                .web(WebApplicationType.NONE)
                .run("--bookkeeper.db.url=jdbc:sqlite:" + database, "--bookkeeper.jobs.worker=false",
                        "--logging.level.root=warn")) {
            Tenancy tenancy = context.getBean(Tenancy.class);
            String tag = UUID.randomUUID().toString().substring(0, 8);
            User user = tenancy.registerUser("kill-" + tag + "@example.com", "Kill", "correct horse battery");
            Company company = tenancy.createCompany(user.id(), NewCompany.of("Kill " + tag, BusinessType.RETAIL));
            return company.id().toString();
        }
    }

    static void writeRows(Path csv) throws IOException {
        Random random = new Random(7);
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Date,Description,Amount\n");
            LocalDate day = LocalDate.parse("2025-01-01");
            for (int i = 0; i < ROWS; i++) {
                int cents = random.nextInt(200_000) - 100_000;
                out.write(day.plusDays(i / 30) + ",VENDOR " + random.nextInt(500) + " REF " + i + ","
                        + (cents == 0 ? "1.00" : java.math.BigDecimal.valueOf(cents, 2).toPlainString()) + "\n");
            }
        }
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftovers under target/ are harmless
        }
    }

    /** One child JVM running the ingest command; its output is collected on a thread of its own. */
    record Child(Process process, StringBuffer log, java.util.concurrent.CountDownLatch importing) {

        static Child start(Path database, String company, Path csv) throws IOException {
            // C1 only: these JVMs live a few seconds, where start-up dominates
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1"));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), KillTargetMain.class.getName(),
                    database.toString(), "ingest", "--company", company, "--account", "1000", csv.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            Child child = new Child(process, new StringBuffer(), new java.util.concurrent.CountDownLatch(1));
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        child.log.append(line).append('\n');
                        if (line.equals("IMPORTING")) {
                            child.importing.countDown();
                        }
                    }
                } catch (IOException killed) {
                    // the pipe closes when the child is killed
                }
                child.importing.countDown();
            });
            reader.setDaemon(true);
            reader.start();
            return child;
        }

        void awaitImportStarted() throws InterruptedException {
            assertThat(importing.await(120, TimeUnit.SECONDS)).as("the child reached the import").isTrue();
        }

        String output() throws InterruptedException {
            process.waitFor(5, TimeUnit.SECONDS);
            return log.toString();
        }
    }
}

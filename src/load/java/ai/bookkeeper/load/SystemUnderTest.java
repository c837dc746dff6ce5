package ai.bookkeeper.load;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server the load test runs against. Either one that already runs ({@code -Dload.baseUrl=http://host:port},
 * with the pilot loaded and its owners' password), or one of our own: a scratch PostgreSQL database with a unique
 * name, the pilot loaded into it by {@code java -jar ai-bookkeeper.jar pilot}, then {@code serve} on a free port of
 * 127.0.0.1. {@link #stop()} stops the server and drops the database; a shutdown hook does the same if the simulation
 * dies first, so an interrupted run leaves neither a process nor a database behind.
 */
final class SystemUnderTest {

    static final String PILOT_PASSWORD = "bookkeeper-pilot";
    /** The pilot's owners (seed 42), for a server we did not start; ours are read from the pilot's metadata. */
    private static final List<String> PILOT_OWNERS = List.of("sarah@hamiltoncoffee.com", "mike@cincywebbuilders.com",
            "angela@libertychildcare.com", "david@contrerasrealestate.com", "linda@midwestaccounting.com");
    /** -Dload.profile=true: a JFR recording of the server, and PostgreSQL's busiest statements (pg_stat_statements). */
    private static final boolean PROFILE = Boolean.getBoolean("load.profile");
    private static final Duration PILOT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private static final String PG_ADMIN_URL = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_PASSWORD", "");

    private final String baseUrl;
    private final List<String> owners;
    private final Process server;
    private final String database;
    private final Path workDir;
    private final Thread cleanup;

    private SystemUnderTest(String baseUrl, List<String> owners, Process server, String database, Path workDir) {
        this.baseUrl = baseUrl;
        this.owners = owners;
        this.server = server;
        this.database = database;
        this.workDir = workDir;
        this.cleanup = new Thread(this::tearDown, "load-test-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The e-mail addresses to sign in with, one per pilot company. */
    List<String> owners() {
        return owners;
    }

    /** Our server's process, or null for an outside server. */
    ProcessHandle serverProcess() {
        return server == null ? null : server.toHandle();
    }

    /** Where our server's logs (and, with -Dload.profile=true, its JFR recording) are, or null for an outside server. */
    Path workDir() {
        return workDir;
    }

    static SystemUnderTest start() throws Exception {
        String external = System.getProperty("load.baseUrl", "").strip();
        if (!external.isEmpty()) {
            String url = external.replaceAll("/+$", "");
            awaitReady(url, null, Duration.ofSeconds(10));
            log("using the server at " + url + " (nothing started, nothing dropped)");
            return new SystemUnderTest(url, ownersFromProperty(PILOT_OWNERS), null, null, null);
        }
        Path jar = Path.of(System.getProperty("load.jar", "target/ai-bookkeeper.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": build it first (./mvnw -B -q package -DskipTests) or run"
                    + " through ./mvnw -B -Pload verify, which packages it before the load test.");
        }
        String database = "bk_load_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        Path workDir = Path.of(System.getProperty("load.workDir", "target/load")).toAbsolutePath().resolve(database);
        Files.createDirectories(workDir);
        admin("CREATE DATABASE " + database);
        SystemUnderTest[] started = new SystemUnderTest[1];
        try {
            String dbUrl = PG_ADMIN_URL.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
            Map<String, String> env = Map.of("BOOKKEEPER_DB_URL", dbUrl, "BOOKKEEPER_DB_USER", PG_USER,
                    "BOOKKEEPER_DB_PASSWORD", PG_PASSWORD, "BOOKKEEPER_STORAGE_DIR", workDir.resolve("uploads").toString());
            log("database " + database + "; loading the pilot (java -jar " + jar.getFileName() + " pilot), log in "
                    + workDir.resolve("pilot.log"));
            long t0 = System.nanoTime();
            Process pilot = java(jar, List.of(), List.of("pilot", "--quiet", "--data", workDir.resolve("data").toString(),
                    "--reports", workDir.resolve("reports").toString()), env, workDir, workDir.resolve("pilot.log"));
            if (!pilot.waitFor(PILOT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                pilot.destroyForcibly().waitFor();
                throw new IllegalStateException("The pilot took longer than " + PILOT_TIMEOUT + "; see " + workDir.resolve("pilot.log"));
            }
            if (pilot.exitValue() != 0) {
                throw new IllegalStateException("The pilot failed (exit " + pilot.exitValue() + "); see " + workDir.resolve("pilot.log"));
            }
            log(String.format("pilot loaded in %.0f s", (System.nanoTime() - t0) / 1e9));
            // No ANALYZE here: the pipeline keeps the planner's statistics up after each import (PlannerStatistics),
            // so the server is measured on the database exactly as the pilot leaves it.
            if (PROFILE) {
                // the statements the server runs from here on (the pilot's excluded), written out before the drop
                sql(dbUrl, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                sql(dbUrl, "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
            }

            int port = freePort();
            Map<String, String> serveEnv = new java.util.HashMap<>(env);
            serveEnv.put("BOOKKEEPER_HTTP_ADDRESS", "127.0.0.1");
            serveEnv.put("BOOKKEEPER_HTTP_PORT", Integer.toString(port));
            List<String> jvm = new ArrayList<>();
            // -Dload.serverOptions="-Dbookkeeper.passwords.concurrent-checks=200 …": settings of the server under test
            for (String option : System.getProperty("load.serverOptions", "").strip().split("\\s+")) {
                if (!option.isEmpty()) {
                    jvm.add(option);
                }
            }
            if (PROFILE) {
                jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
                jvm.add("-XX:StartFlightRecording=filename=" + workDir.resolve("server.jfr") + ",settings=profile");
            }
            Process server = java(jar, jvm, List.of("serve"), serveEnv, workDir, workDir.resolve("server.log"));
            String url = "http://127.0.0.1:" + port;
            started[0] = new SystemUnderTest(url, ownersFromProperty(ownersOf(workDir.resolve("data"))), server,
                    database, workDir);
            awaitReady(url, server, READY_TIMEOUT);
            log("serving on " + url + " (pid " + server.pid() + "), log in " + workDir.resolve("server.log"));
            return started[0];
        } catch (Exception e) {
            if (started[0] != null) {
                started[0].stop();
            } else {
                dropQuietly(database);
            }
            throw e;
        }
    }

    /** Stops our server and drops our database; nothing for an outside server. Safe to call twice. */
    void stop() {
        tearDown();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds nothing left to do
        }
    }

    private synchronized void tearDown() {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: Spring closes the pool and the scheduler, and JFR writes its recording
            try {
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            log("server stopped");
        }
        if (PROFILE && database != null) {
            writeTopStatements();
        }
        if (database != null && dropQuietly(database)) {
            log("database " + database + " dropped");
        }
    }

    /** PostgreSQL's 20 statements of our database with the most execution time, to workDir/pg_top_statements.txt. */
    private void writeTopStatements() {
        String query = "SELECT round(total_exec_time)::bigint, calls, round(mean_exec_time::numeric, 2), rows,"
                + " regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = ?) ORDER BY total_exec_time DESC LIMIT 20";
        StringBuilder out = new StringBuilder("total_ms\tcalls\tmean_ms\trows\tquery\n");
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             var statement = c.prepareStatement(query)) {
            statement.setString(1, database);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 5; i++) {
                        out.append(rs.getString(i)).append(i < 5 ? '\t' : '\n');
                    }
                }
            }
            Files.writeString(workDir.resolve("pg_top_statements.txt"), out);
            log("PostgreSQL's busiest statements: " + workDir.resolve("pg_top_statements.txt"));
        } catch (SQLException | IOException e) {
            log("could not read pg_stat_statements: " + e.getMessage());
        }
    }

    private static Process java(Path jar, List<String> jvmOptions, List<String> args, Map<String, String> env, Path dir,
                                Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(String url, Process server, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) {
                throw new IllegalStateException("The server exited (" + server.exitValue() + ") before it was ready");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url + "/healthz").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(5000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + "/healthz was not ready within " + timeout + ": " + last);
    }

    private static List<String> ownersFromProperty(List<String> fallback) {
        String listed = System.getProperty("load.owners", "").strip();
        return listed.isEmpty() ? fallback : List.of(listed.split("\\s*,\\s*"));
    }

    /** The owner of every company the pilot simulated, from its {@code simulated_metadata/<company>/company.json}. */
    private static List<String> ownersOf(Path data) throws IOException {
        Pattern email = Pattern.compile("\"owner_email\"\\s*:\\s*\"([^\"]+)\"");
        List<String> owners = new ArrayList<>();
        try (Stream<Path> companies = Files.list(data.resolve("simulated_metadata"))) {
            for (Path company : companies.sorted().toList()) {
                Matcher m = email.matcher(Files.readString(company.resolve("company.json")));
                if (m.find()) {
                    owners.add(m.group(1));
                }
            }
        }
        if (owners.isEmpty()) {
            throw new IllegalStateException("The pilot wrote no company owners under " + data);
        }
        return owners;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void admin(String sql) throws SQLException {
        sql(PG_ADMIN_URL, sql);
    }

    private static void sql(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean dropQuietly(String database) {
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            return true;
        } catch (SQLException e) {
            log("could not drop database " + database + ": " + e.getMessage());
            return false;
        }
    }

    static void log(String line) {
        System.out.println("[load] " + line);
    }
}

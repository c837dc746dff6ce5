package ai.bookkeeper.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database one test JVM uses: SQLite by default, PostgreSQL when the system property
 * {@code bookkeeper.test.engine=postgresql} is set (the build's second test execution). Each JVM gets its own fresh
 * database with a unique name, dropped when the JVM exits, so runs never see each other's data.
 */
public final class TestDatabase {

    public static final String ENGINE_PROPERTY = "bookkeeper.test.engine";
    private static final String PG_ADMIN_URL = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("BOOKKEEPER_TEST_PG_PASSWORD", "");

    private static String url;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty(ENGINE_PROPERTY, "sqlite").toLowerCase(Locale.ROOT));
    }

    public static String user() {
        return isPostgres() ? PG_USER : "";
    }

    public static String password() {
        return isPostgres() ? PG_PASSWORD : "";
    }

    public static synchronized String url() {
        if (url == null) {
            url = isPostgres() ? createPostgresDatabase() : createSqliteFile();
        }
        return url;
    }

    /** A further empty database of the same engine, for tests that need one of their own (migrations, faults). */
    public static String freshUrl() {
        return isPostgres() ? createPostgresDatabase() : createSqliteFile();
    }

    /**
     * A fresh database for a Spring test class of its own ({@code freshUrl}), or "unused" when PostgreSQL is the engine
     * and unreachable (the class is then skipped by {@link PostgresAvailable}).
     */
    public static String freshUrlForContext() {
        return isPostgres() && postgresUnavailableReason() != null ? "unused" : freshUrl();
    }

    /** Flyway with the application's migrations for this run's engine: the common set and the engine's own. */
    public static org.flywaydb.core.api.configuration.FluentConfiguration flyway(javax.sql.DataSource dataSource) {
        return org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common",
                "classpath:db/migration/" + (isPostgres() ? "postgresql" : "sqlite"));
    }

    /** Points a Spring test's data source at {@code url}, with this run's credentials. */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry, String url) {
        registry.add("bookkeeper.db.url", () -> url);
        registry.add("bookkeeper.db.user", TestDatabase::user);
        registry.add("bookkeeper.db.password", TestDatabase::password);
    }

    /** Why PostgreSQL can't be used, or null when it can. */
    public static String postgresUnavailableReason() {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL is not reachable at " + PG_ADMIN_URL + " as " + PG_USER + ": " + e.getMessage();
        }
    }

    private static String createSqliteFile() {
        try {
            Path dir = Path.of("target", "test-databases");
            Files.createDirectories(dir);
            Path file = dir.resolve("bk-" + UUID.randomUUID() + ".db");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    try {
                        Files.deleteIfExists(Path.of(file + suffix));
                    } catch (Exception ignored) {
                        // a leftover file in target/ is harmless
                    }
                }
            }));
            return "jdbc:sqlite:" + file;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a SQLite test database under target/: " + e.getMessage(), e);
        }
    }

    private static String createPostgresDatabase() {
        String name = "bk_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the PostgreSQL test database " + name + " at " + PG_ADMIN_URL
                    + " (start PostgreSQL, e.g. pg_ctlcluster 15 main start): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(name)));
        int slash = PG_ADMIN_URL.lastIndexOf('/');
        return PG_ADMIN_URL.substring(0, slash + 1) + name;
    }

    private static void dropPostgresDatabase(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }
}

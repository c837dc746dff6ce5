package ai.bookkeeper.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the books live. Unset, they live in the embedded SQLite file {@code data/aibookkeeper.db}; set
 * {@code BOOKKEEPER_DB_URL} (and {@code BOOKKEEPER_DB_USER}, {@code BOOKKEEPER_DB_PASSWORD}) for PostgreSQL.
 *
 * @param url      JDBC URL, never null after binding (defaults in application.yml)
 * @param user     may be null (SQLite has none)
 * @param password may be null
 * @param poolSize connections in the pool; null chooses per engine
 * @param lockWait how long a transaction waits for a company's lock held by another ({@link CompanyTransactionLock})
 *                 before it gives up with {@code company.busy} (HTTP 503); default 30 s
 */
@ConfigurationProperties("bookkeeper.db")
public record DatabaseProperties(String url, String user, String password, Integer poolSize,
                                 java.time.Duration lockWait) {

    public DatabaseProperties {
        lockWait = lockWait == null ? java.time.Duration.ofSeconds(30) : lockWait;
        if (lockWait.toMillis() < 1 || lockWait.compareTo(java.time.Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("bookkeeper.db.lock-wait must be between 1 ms and 1 hour, not " + lockWait);
        }
    }

    public DatabaseEngine engine() {
        return DatabaseEngine.fromJdbcUrl(url);
    }
}

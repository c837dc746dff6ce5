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
 */
@ConfigurationProperties("bookkeeper.db")
public record DatabaseProperties(String url, String user, String password, Integer poolSize) {

    public DatabaseEngine engine() {
        return DatabaseEngine.fromJdbcUrl(url);
    }
}

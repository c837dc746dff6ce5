package ai.bookkeeper.platform;

import java.util.Locale;

/** The two engines the schema runs on. Modules ask for it only where SQL has to differ (bulk load, locking). */
public enum DatabaseEngine {
    SQLITE, POSTGRESQL;

    public static DatabaseEngine fromJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Unsupported database URL '" + url
                + "': set BOOKKEEPER_DB_URL to a jdbc:postgresql:// URL, or leave it unset for the embedded SQLite file");
    }
}

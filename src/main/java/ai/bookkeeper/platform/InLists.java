package ai.bookkeeper.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Long {@code IN (?, ?, …)} lists, cut into chunks that stay well below both engines' limits on bound parameters
 * (SQLite 32,766, the PostgreSQL driver 65,535) and keep each statement's plan small: one query per chunk.
 */
public final class InLists {

    /** Values per IN list. */
    public static final int CHUNK = 500;

    private InLists() {
    }

    /** {@code all} in consecutive chunks of at most {@link #CHUNK}, in order; none for an empty list. */
    public static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** {@code ?, ?, …}: {@code n} placeholders for an IN list. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}

package ai.bookkeeper.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Long {@code IN (?, ?, …)} lists, cut into chunks that stay well below both engines' limits on bound parameters
 * (SQLite 32,766, the PostgreSQL driver 65,535) and keep each statement's plan small: one query per chunk.
 *
 * <p>Each chunk is padded to one of a few lengths (1, 2, 4 … 256, then {@link #CHUNK}) by repeating its last value,
 * so that a query over any number of values is one of a few texts: SQLite's prepared statements are kept by their
 * text ({@link StatementCache}) and compiling one with hundreds of placeholders took 100–200 µs, and PostgreSQL's
 * driver keeps its server-side statements the same way. A value repeated in an IN list changes nothing, so callers
 * bind a chunk as it is and use it for nothing else.
 */
public final class InLists {

    /** Values per IN list, at most. */
    public static final int CHUNK = 500;

    private InLists() {
    }

    /**
     * {@code all} in consecutive chunks of at most {@link #CHUNK}, in order, each padded to its length by repeating
     * its last value; none for an empty list.
     */
    public static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<T> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            int length = paddedLength(chunk.size());
            if (length == chunk.size()) {
                chunks.add(chunk);
            } else {
                List<T> padded = new ArrayList<>(length);
                padded.addAll(chunk);
                T last = chunk.get(chunk.size() - 1);
                while (padded.size() < length) {
                    padded.add(last);
                }
                chunks.add(padded);
            }
        }
        return chunks;
    }

    /** The length a chunk of {@code size} values is padded to: the next power of two, at most {@link #CHUNK}. */
    static int paddedLength(int size) {
        int length = 1;
        while (length < size) {
            length <<= 1;
        }
        return Math.min(length, CHUNK);
    }

    /** {@code ?, ?, …}: {@code n} placeholders for an IN list. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}

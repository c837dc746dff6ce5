package ai.bookkeeper.ingest.parser;

/** Receives a statement as it streams out of a parser, so that a file never has to fit in memory. */
public interface StatementHandler {

    void line(StatementLine line);

    default void balance(StatementBalance balance) {
    }

    /** Something the bank's own figures contradict (a running balance that doesn't add up); the import goes on. */
    default void warning(long line, String message) {
    }

    /** A line the parser could not read; in strict mode the parser throws instead. */
    default void rejected(long line, String reason) {
    }
}

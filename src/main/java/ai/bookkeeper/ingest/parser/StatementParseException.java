package ai.bookkeeper.ingest.parser;

/** The file can't be read as a statement; {@link #line()} says where (0 when the whole file is at fault). */
public class StatementParseException extends RuntimeException {

    private final long line;

    public StatementParseException(long line, String message) {
        super(message);
        this.line = line;
    }

    public StatementParseException(long line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}

package ai.bookkeeper.shared;

/**
 * An expected rejection that a user can act on. {@link #code()} is a stable identifier from the error catalogue
 * (documented in the README); {@link #getMessage()} says what is wrong and what to do.
 */
public abstract class BookkeeperException extends RuntimeException {

    /** How a rejection maps to a protocol: the web layer turns these into HTTP statuses. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNAUTHENTICATED, BUSY }

    private final String code;

    protected BookkeeperException(String code, String message) {
        super(message);
        this.code = code;
    }

    protected BookkeeperException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract Kind kind();
}

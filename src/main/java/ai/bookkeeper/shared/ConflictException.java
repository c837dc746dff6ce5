package ai.bookkeeper.shared;

/** A rejection of kind {@link BookkeeperException.Kind#CONFLICT}. */
public class ConflictException extends BookkeeperException {

    public ConflictException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}

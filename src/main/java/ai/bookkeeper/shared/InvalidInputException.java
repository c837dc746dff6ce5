package ai.bookkeeper.shared;

/** A rejection of kind {@link BookkeeperException.Kind#INVALID}. */
public class InvalidInputException extends BookkeeperException {

    public InvalidInputException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID;
    }
}

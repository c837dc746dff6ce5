package ai.bookkeeper.shared;

/** A rejection of kind {@link BookkeeperException.Kind#FORBIDDEN}. */
public class ForbiddenException extends BookkeeperException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }
}

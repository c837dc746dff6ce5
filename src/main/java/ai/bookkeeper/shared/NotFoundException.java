package ai.bookkeeper.shared;

/** A rejection of kind {@link BookkeeperException.Kind#NOT_FOUND}. */
public class NotFoundException extends BookkeeperException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}

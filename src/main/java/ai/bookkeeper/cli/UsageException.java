package ai.bookkeeper.cli;

/** Wrong arguments: the message says the right ones. Exit status 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

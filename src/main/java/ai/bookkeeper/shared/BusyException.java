package ai.bookkeeper.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * A rejection of kind {@link BookkeeperException.Kind#BUSY}: the server is at its limit for this kind of work right
 * now; nothing was done, and the same request may be sent again after {@link #retryAfter()}.
 */
public class BusyException extends BookkeeperException {

    private final Duration retryAfter;

    public BusyException(String code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the caller should wait before trying again (an HTTP {@code Retry-After}, in whole seconds, at least 1). */
    public Duration retryAfter() {
        return retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public Kind kind() {
        return Kind.BUSY;
    }
}

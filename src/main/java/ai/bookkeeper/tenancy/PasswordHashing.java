package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.BusyException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, with a bound on how many hashes run at once. A BCrypt check is deliberately slow (about 0.1 s of one core at
 * cost 10); two hundred people signing in within a few seconds would otherwise run two hundred hashes at once, each
 * with a sliver of the cores, and every request of the people already working would compete with all of them. Checks
 * beyond {@link PasswordProperties#concurrentChecks()} wait
 * their turn in arrival order; one that waits longer than {@link PasswordProperties#maxWait()}, or finds
 * {@link PasswordProperties#maxQueue()} others waiting already, is refused with {@code auth.busy} (HTTP 503,
 * {@code Retry-After}) rather than queued without end: a waiting sign-in holds a request thread.
 */
final class PasswordHashing {

    static final int BCRYPT_COST = 10;

    private final PasswordEncoder encoder;
    private final Semaphore turns;
    private final Duration maxWait;
    private final int maxQueue;
    // compared against when the email is unknown, so that response time doesn't reveal which emails exist
    private final String unknownUserHash;

    PasswordHashing(PasswordProperties properties) {
        this(new BCryptPasswordEncoder(BCRYPT_COST), properties);
    }

    PasswordHashing(PasswordEncoder encoder, PasswordProperties properties) {
        this.encoder = encoder;
        this.turns = new Semaphore(properties.concurrentChecks(), true);
        this.maxWait = properties.maxWait();
        this.maxQueue = properties.maxQueue();
        this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
    }

    String hash(String password) {
        return inTurn(() -> encoder.encode(password), "the user was not registered");
    }

    /** Whether {@code password} is the one hashed to {@code storedHash}; with no stored hash, as long a check, and false. */
    boolean matches(String password, String storedHash) {
        boolean known = storedHash != null;
        boolean matches = inTurn(() -> encoder.matches(password, known ? storedHash : unknownUserHash),
                "nothing was checked");
        return known && matches;
    }

    /** Sign-ins and registrations waiting for their turn now (an estimate, as {@link Semaphore#getQueueLength()}). */
    int waiting() {
        return turns.getQueueLength();
    }

    private <T> T inTurn(Supplier<T> work, String outcome) {
        boolean acquired;
        try {
            // a free turn is taken at once (in arrival order: a zero wait keeps the semaphore fair); otherwise wait,
            // unless maxQueue others wait already
            acquired = turns.tryAcquire(0, TimeUnit.NANOSECONDS);
            if (!acquired) {
                if (turns.getQueueLength() >= maxQueue) {
                    throw busy("Too many sign-ins are waiting at this moment; " + outcome + ". Try again in a few"
                            + " seconds.");
                }
                acquired = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("The request was cancelled while it waited (the server may be stopping); " + outcome
                    + ". Try again in a few seconds.");
        }
        if (!acquired) {
            throw busy("Too many people are signing in at this moment; " + outcome + ". Try again in a few seconds.");
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private static BusyException busy(String message) {
        return new BusyException("auth.busy", message, Duration.ofSeconds(5));
    }
}

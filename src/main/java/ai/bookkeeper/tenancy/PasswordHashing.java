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
 * their turn in arrival order; one that waits longer than {@link PasswordProperties#maxWait()} is refused with
 * {@code auth.busy} (HTTP 503, {@code Retry-After}) rather than queued without end.
 */
final class PasswordHashing {

    static final int BCRYPT_COST = 10;

    private final PasswordEncoder encoder;
    private final Semaphore turns;
    private final Duration maxWait;
    // compared against when the email is unknown, so that response time doesn't reveal which emails exist
    private final String unknownUserHash;

    PasswordHashing(PasswordProperties properties) {
        this(new BCryptPasswordEncoder(BCRYPT_COST), properties);
    }

    PasswordHashing(PasswordEncoder encoder, PasswordProperties properties) {
        this.encoder = encoder;
        this.turns = new Semaphore(properties.concurrentChecks(), true);
        this.maxWait = properties.maxWait();
        this.unknownUserHash = encoder.encode(UUID.randomUUID().toString());
    }

    String hash(String password) {
        return inTurn(() -> encoder.encode(password));
    }

    /** Whether {@code password} is the one hashed to {@code storedHash}; with no stored hash, as long a check, and false. */
    boolean matches(String password, String storedHash) {
        boolean known = storedHash != null;
        boolean matches = inTurn(() -> encoder.matches(password, known ? storedHash : unknownUserHash));
        return known && matches;
    }

    private <T> T inTurn(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private BusyException busy() {
        return new BusyException("auth.busy", "Too many people are signing in at this moment; nothing was checked."
                + " Try again in a few seconds.", Duration.ofSeconds(5));
    }
}

package ai.bookkeeper.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much of the machine password hashing may take.
 *
 * @param concurrentChecks BCrypt checks (sign-ins) and hashings (registrations) running at once; the rest wait in
 *                         arrival order. Default: one per processor, which hashes as fast as unlimited checks
 *                         would, but keeps a burst of sign-ins to as many runnable threads as there are cores
 *                         instead of one per waiting request (measured in reports/load_test.md: one fewer than
 *                         the processors, on 2 cores, queued the load test's sign-ins for seconds).
 * @param maxWait          how long a sign-in waits for its turn before it is answered 503 with {@code Retry-After}
 * @param maxQueue         sign-ins that may wait at once; one more is answered 503 at once. Each waiting sign-in
 *                         holds a request thread, so this keeps a flood of sign-ins from taking all of them (the
 *                         server has 200): default 100.
 */
@ConfigurationProperties("bookkeeper.passwords")
public record PasswordProperties(Integer concurrentChecks, Duration maxWait, Integer maxQueue) {

    static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    public PasswordProperties {
        concurrentChecks = concurrentChecks == null ? Runtime.getRuntime().availableProcessors() : concurrentChecks;
        maxWait = maxWait == null ? Duration.ofSeconds(20) : maxWait;
        maxQueue = maxQueue == null ? 100 : maxQueue;
        if (concurrentChecks < 1) {
            throw new IllegalArgumentException("bookkeeper.passwords.concurrent-checks must be at least 1, not "
                    + concurrentChecks);
        }
        if (maxWait.isNegative() || maxWait.compareTo(LONGEST_WAIT) > 0) {
            throw new IllegalArgumentException("bookkeeper.passwords.max-wait must be between 0 and " + LONGEST_WAIT
                    + ", not " + maxWait);
        }
        if (maxQueue < 0) {
            throw new IllegalArgumentException("bookkeeper.passwords.max-queue can't be negative: " + maxQueue);
        }
    }
}

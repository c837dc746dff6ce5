package ai.bookkeeper.platform;

import java.time.Duration;

/**
 * How this process's transactions used SQLite's single write lock: the times a transaction asked for it (including
 * those that gave up after the busy timeout), the turns taken and given back, the time spent waiting (by all that
 * asked) and holding it (summed over turns), and the longest single hold since start-up.
 */
public record WriteLockUsage(long asked, long turns, Duration waited, Duration held, Duration longestHeldSinceStart) {

    /** What was used between {@code earlier} and this reading (the longest hold stays the one since start-up). */
    public WriteLockUsage since(WriteLockUsage earlier) {
        return new WriteLockUsage(asked - earlier.asked, turns - earlier.turns, waited.minus(earlier.waited),
                held.minus(earlier.held), longestHeldSinceStart);
    }
}

package ai.bookkeeper.platform;

import java.time.Duration;

/**
 * How this process's transactions used SQLite's single write lock: the turns taken and given back, the time they
 * waited for the lock, and the time they held it (summed over turns; the longest single hold too).
 */
public record WriteLockUsage(long turns, Duration waited, Duration held, Duration longestHeld) {

    /** What was used between {@code earlier} and this reading (the longest hold is over the whole life). */
    public WriteLockUsage since(WriteLockUsage earlier) {
        return new WriteLockUsage(turns - earlier.turns, waited.minus(earlier.waited), held.minus(earlier.held),
                longestHeld);
    }
}

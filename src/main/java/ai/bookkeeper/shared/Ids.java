package ai.bookkeeper.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes primary keys: UUID version 7 (RFC 9562), random apart from a millisecond timestamp prefix, so that keys
 * created together sit together in B-tree indexes. Never derived from content: content hashes collide.
 *
 * <p>Within this process the ids only ever increase (RFC 9562, section 6.2, "monotonic random"): an id made in the
 * same millisecond as the last one, or while the clock stands still or goes back, is the last one plus one. So the
 * order of ids is the order in which they were made, and anything sorted by id (the rows of one import, say) comes
 * back in the order it was written, run after run.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RAND_B_MAX = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final Object LOCK = new Object();
    private static long lastMsb;
    private static long lastLsb;

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16;
        msb |= 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xFFL);
        }
        lsb = (lsb & RAND_B_MAX) | 0x8000_0000_0000_0000L;
        synchronized (LOCK) {
            int order = Long.compareUnsigned(msb, lastMsb);
            if (order < 0 || order == 0 && Long.compareUnsigned(lsb, lastLsb) <= 0) {
                long[] next = increment(lastMsb, lastLsb);
                msb = next[0];
                lsb = next[1];
            }
            lastMsb = msb;
            lastLsb = lsb;
        }
        return new UUID(msb, lsb);
    }

    /** The id after (msb, lsb): rand_b plus one, carrying into rand_a and then into the timestamp. */
    private static long[] increment(long msb, long lsb) {
        long randB = (lsb & RAND_B_MAX) + 1;
        long randA = msb & 0x0FFFL;
        long millis = msb >>> 16;
        if (randB > RAND_B_MAX) {
            randB = 0;
            randA++;
            if (randA > 0x0FFFL) {
                randA = 0;
                millis++;
            }
        }
        return new long[] {(millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA, randB | 0x8000_0000_0000_0000L};
    }
}

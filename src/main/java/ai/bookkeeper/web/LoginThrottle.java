package ai.bookkeeper.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins over a sliding hour. Failures are counted per (account, address) — 100 an hour — and per
 * address over all accounts — 300 an hour. Never per account alone: an attacker elsewhere can't lock the account's
 * owner out, because the owner signs in from another address.
 * Kept in memory, so each instance counts its own failures; behind a load balancer an attacker gets the limit once
 * per instance (see SECURITY notes in the README). Public so that every sign-in form (the JSON API, the dashboard)
 * counts against the same limits.
 */
@Component
public class LoginThrottle {

    static final int PER_ACCOUNT_AND_ADDRESS = 100;
    static final int PER_ADDRESS = 300;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until another attempt is allowed, or empty when one is allowed now. */
    public OptionalLong retryAfter(String email, String address) {
        Instant now = clock.instant();
        long wait = Math.max(wait(accountKey(email, address), PER_ACCOUNT_AND_ADDRESS, now),
                wait("ip:" + address, PER_ADDRESS, now));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        record(accountKey(email, address), now);
        record("ip:" + address, now);
    }

    public void succeeded(String email, String address) {
        failures.remove(accountKey(email, address));
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String accountKey(String email, String address) {
        return "acct:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }
}

package ai.bookkeeper.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.BusyException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    /** Counts how many checks run at once; each takes {@code millis}, or until {@code gate} opens. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);
        final long millis;

        SlowEncoder(long millis, CountDownLatch gate) {
            this.millis = millis;
            this.gate = gate;
        }

        @Override
        public String encode(CharSequence raw) {
            return "h:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                if (gate != null) {
                    gate.await(10, TimeUnit.SECONDS);
                } else {
                    Thread.sleep(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals("h:" + raw);
        }
    }

    /** One check holding the only turn until {@link #close()}: what a sign-in under way looks like to the next. */
    static final class HeldTurn implements AutoCloseable {
        final CountDownLatch gate = new CountDownLatch(1);
        final SlowEncoder encoder = new SlowEncoder(0, gate);
        final PasswordHashing hashing;
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        final Future<Boolean> holder;

        HeldTurn(Duration maxWait, Integer maxQueue) throws InterruptedException {
            hashing = new PasswordHashing(encoder, new PasswordProperties(1, maxWait, maxQueue));
            holder = pool.submit(() -> hashing.matches("a password!", "h:a password!"));
            assertThat(encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
        }

        Future<Boolean> another() {
            return pool.submit(() -> hashing.matches("a password!", "h:a password!"));
        }

        void release() throws Exception {
            gate.countDown();
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() {
            gate.countDown();
            pool.shutdownNow();
        }
    }

    private static List<Boolean> checkAtOnce(PasswordHashing hashing, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return hashing.matches("secret password", "h:secret password");
                }));
            }
            start.countDown();
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> f : results) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void with_one_turn_a_burst_of_sign_ins_is_checked_one_at_a_time_and_every_one_answered() throws Exception {
        SlowEncoder encoder = new SlowEncoder(20, null);
        PasswordHashing hashing = new PasswordHashing(encoder, new PasswordProperties(1, Duration.ofSeconds(30), null));

        assertThat(checkAtOnce(hashing, 8)).containsOnly(true).hasSize(8);
        assertThat(encoder.mostAtOnce.get()).isEqualTo(1);
        assertThat(encoder.checks.get()).isEqualTo(8);
    }

    @Test
    void no_more_checks_run_at_once_than_the_configured_turns() throws Exception {
        SlowEncoder encoder = new SlowEncoder(50, null);
        PasswordHashing hashing = new PasswordHashing(encoder, new PasswordProperties(3, Duration.ofSeconds(30), null));

        assertThat(checkAtOnce(hashing, 12)).containsOnly(true).hasSize(12);
        assertThat(encoder.mostAtOnce.get()).isBetween(2, 3);
    }

    @Test
    void a_sign_in_that_gets_no_turn_in_time_is_refused_as_busy_and_the_next_one_goes_through() throws Exception {
        try (HeldTurn held = new HeldTurn(Duration.ofMillis(100), null)) {
            assertThatThrownBy(() -> held.hashing.matches("a password!", "h:a password!"))
                    .isInstanceOfSatisfying(BusyException.class, busy -> {
                        assertThat(busy.code()).isEqualTo("auth.busy");
                        assertThat(busy.retryAfterSeconds()).isEqualTo(5);
                        assertThat(busy.getMessage()).contains("nothing was checked", "Try again");
                    });
            assertThat(held.encoder.checks.get()).isEqualTo(1);

            held.release();
            assertThat(held.hashing.matches("a password!", "h:a password!")).isTrue();
        }
    }
    @Test
    void an_interrupted_wait_is_refused_as_busy_and_keeps_the_interrupt() throws Exception {
        try (HeldTurn held = new HeldTurn(Duration.ofSeconds(30), null)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> held.hashing.matches("a password!", "h:a password!"))
                    .isInstanceOf(BusyException.class).hasMessageContaining("cancelled");
            assertThat(Thread.interrupted()).isTrue();
        }
    }
    @Test
    void an_unknown_user_costs_a_full_check_and_never_matches_even_if_the_check_says_yes() {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder yesToAll = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "h";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return true;
            }
        };
        PasswordHashing hashing = new PasswordHashing(yesToAll, new PasswordProperties(1, Duration.ofSeconds(1), null));

        assertThat(hashing.matches("anything at all", null)).isFalse();
        assertThat(checks.get()).isEqualTo(1);
        assertThat(hashing.matches("anything at all", "h")).isTrue();
    }

    @Test
    void a_sign_in_that_finds_the_queue_full_is_refused_at_once() throws Exception {
        try (HeldTurn held = new HeldTurn(Duration.ofSeconds(30), 1)) {
            Future<Boolean> waiter = held.another();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!waiter.isDone() && System.nanoTime() < deadline && held.hashing.waiting() == 0) {
                Thread.sleep(5);
            }
            assertThat(held.hashing.waiting()).isEqualTo(1);

            long start = System.nanoTime();
            assertThatThrownBy(() -> held.hashing.matches("a password!", "h:a password!"))
                    .isInstanceOfSatisfying(BusyException.class, busy -> assertThat(busy.getMessage())
                            .contains("waiting", "nothing was checked"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);

            held.release();
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
    @Test
    void with_no_queue_allowed_a_free_turn_is_still_taken() {
        SlowEncoder encoder = new SlowEncoder(0, null);
        PasswordHashing hashing = new PasswordHashing(encoder, new PasswordProperties(1, Duration.ofSeconds(1), 0));

        assertThat(hashing.matches("a password!", "h:a password!")).isTrue();
        assertThat(hashing.matches("a password!", "h:a password!")).isTrue();
    }

    @Test
    void registering_while_every_turn_is_taken_says_that_the_user_was_not_registered() throws Exception {
        try (HeldTurn held = new HeldTurn(Duration.ofMillis(50), null)) {
            assertThatThrownBy(() -> held.hashing.hash("a new password")).isInstanceOf(BusyException.class)
                    .hasMessageContaining("the user was not registered");
        }
    }
    @Test
    void passwords_are_hashed_with_bcrypt_and_checked_against_the_hash() {
        PasswordHashing hashing = new PasswordHashing(new PasswordProperties(null, null, null));

        String hash = hashing.hash("correct horse battery");
        assertThat(hash).startsWith("$2a$" + PasswordHashing.BCRYPT_COST + "$").doesNotContain("correct horse");
        assertThat(hashing.matches("correct horse battery", hash)).isTrue();
        assertThat(hashing.matches("correct horse battery!", hash)).isFalse();
    }

    @Test
    void settings_default_to_one_turn_per_processor_and_refuse_nonsense() {
        PasswordProperties defaults = new PasswordProperties(null, null, null);
        assertThat(defaults.concurrentChecks()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> new PasswordProperties(0, null, null)).hasMessageContaining("at least 1");
        assertThat(defaults.maxQueue()).isEqualTo(100);
        assertThatThrownBy(() -> new PasswordProperties(1, Duration.ofSeconds(-1), null)).hasMessageContaining("between 0");
        assertThatThrownBy(() -> new PasswordProperties(1, Duration.ofDays(400_000), null)).hasMessageContaining("between 0");
        assertThatThrownBy(() -> new PasswordProperties(1, null, -1)).hasMessageContaining("max-queue");
    }
}

package ai.bookkeeper.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** {@link PostgresAvailable} for jqwik properties: fail under CI, skip loudly elsewhere. */
public class PostgresAvailableHook implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        if (!TestDatabase.isPostgres()) {
            return SkipResult.doNotSkip();
        }
        String reason = TestDatabase.postgresUnavailableReason();
        if (reason == null) {
            return SkipResult.doNotSkip();
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires PostgreSQL for the PostgreSQL test run. " + reason);
        }
        System.err.println("\n*** POSTGRESQL PROPERTIES SKIPPED: " + reason + " ***\n");
        return SkipResult.skip("PostgreSQL unavailable: " + reason);
    }
}

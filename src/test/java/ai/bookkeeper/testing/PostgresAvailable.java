package ai.bookkeeper.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the PostgreSQL run, a missing server is never silent: under CI (the CI environment variable set) the tests
 * fail; elsewhere they are skipped with a loud banner saying why.
 */
public class PostgresAvailable implements ExecutionCondition {

    private static volatile Boolean warned = false;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.isPostgres()) {
            return ConditionEvaluationResult.enabled("SQLite run");
        }
        String reason = TestDatabase.postgresUnavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("CI requires PostgreSQL for the PostgreSQL test run. " + reason);
        }
        synchronized (PostgresAvailable.class) {
            if (!warned) {
                System.err.println("""

                        ************************************************************************
                        *  POSTGRESQL TESTS SKIPPED: %s
                        *  Start it (pg_ctlcluster 15 main start) or set BOOKKEEPER_TEST_PG_URL.
                        ************************************************************************
                        """.formatted(reason));
                warned = true;
            }
        }
        return ConditionEvaluationResult.disabled("PostgreSQL unavailable: " + reason);
    }
}

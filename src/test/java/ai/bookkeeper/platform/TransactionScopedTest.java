package ai.bookkeeper.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionScopedTest {

    private static final Object KEY = new Object();

    /** Transactions with no resource behind them, so that suspension follows Spring's own rules, not a database's. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

        @Override
        protected Object doGetTransaction() {
            return new boolean[] {active.get()};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((boolean[]) transaction)[0];
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active.set(true);
        }

        @Override
        protected Object doSuspend(Object transaction) {
            active.set(false);
            return Boolean.TRUE;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
            active.set(true);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active.set(false);
        }
    }

    private final NoResourceTransactions manager = new NoResourceTransactions();
    private final TransactionTemplate required = new TransactionTemplate(manager);
    private final TransactionTemplate requiresNew = new TransactionTemplate(manager);

    {
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @SuppressWarnings("unchecked")
    private static List<String> values() {
        return TransactionScoped.find(KEY, List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> valuesMadeIfNeeded() {
        return TransactionScoped.get(KEY, List.class, ArrayList::new);
    }

    @Test
    void a_value_lives_as_long_as_its_transaction_and_a_joined_call_shares_it() {
        assertThat(valuesMadeIfNeeded()).isNull();
        required.executeWithoutResult(status -> {
            assertThat(values()).isNull();
            valuesMadeIfNeeded().add("booked");
            required.executeWithoutResult(joined -> valuesMadeIfNeeded().add("joined"));
            assertThat(values()).containsExactly("booked", "joined");
            assertThat(TransactionScoped.find(new Object(), List.class)).isNull();
        });
        assertThat(values()).isNull();
        required.executeWithoutResult(status -> assertThat(values()).isNull());
    }

    @Test
    void a_nested_new_transaction_has_values_of_its_own_and_the_outer_ones_come_back_after_it() {
        required.executeWithoutResult(status -> {
            valuesMadeIfNeeded().add("outer");
            requiresNew.executeWithoutResult(inner -> {
                assertThat(values()).isNull();
                valuesMadeIfNeeded().add("inner");
            });
            assertThat(values()).containsExactly("outer");
        });
    }

    @Test
    void a_rolled_back_transaction_leaves_nothing_for_the_next() {
        assertThatThrownBy(() -> required.executeWithoutResult(status -> {
            valuesMadeIfNeeded().add("lost");
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        required.executeWithoutResult(status -> assertThat(values()).isNull());
    }
}

package ai.bookkeeper.platform;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the length of the current transaction, under a key: what a capability wants to remember about
 * what it did in this transaction. It lives among the transaction's synchronizations, so Spring suspends it with the
 * transaction (a nested {@code REQUIRES_NEW} sees its own values, or none) and drops it when the transaction ends,
 * committed or rolled back. A savepoint's rollback ({@code NESTED}) does not undo what was kept; nothing here uses
 * savepoints.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value under {@code key} in the current transaction, made by {@code create} on first use; null outside one. */
    public static <T> T get(Object key, Class<T> type, Supplier<T> create) {
        if (!inTransaction()) {
            return null;
        }
        T found = find(key, type);
        if (found == null) {
            found = create.get();
            TransactionSynchronizationManager.registerSynchronization(new Holder(key, found));
        }
        return found;
    }

    /** The value under {@code key} in the current transaction, or null if there is none or no transaction. */
    public static <T> T find(Object key, Class<T> type) {
        if (!inTransaction()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Holder holder && holder.key == key) {
                return type.cast(holder.value);
            }
        }
        return null;
    }

    /** An actual transaction with synchronization (not a non-transactional scope that only synchronizes). */
    private static boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive();
    }

    /** A key and its value among the transaction's synchronizations; equal only to itself. */
    private static final class Holder implements TransactionSynchronization {
        private final Object key;
        private final Object value;

        Holder(Object key, Object value) {
            this.key = key;
            this.value = value;
        }
    }
}

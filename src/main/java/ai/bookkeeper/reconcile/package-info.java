/**
 * Reconciliation: matches bank statement lines to the journal entries that hit the bank account (exact, heuristic,
 * many-to-one, manual), links receipts to entries, lists orphans on both sides, and checks statement balances.
 */
package ai.bookkeeper.reconcile;

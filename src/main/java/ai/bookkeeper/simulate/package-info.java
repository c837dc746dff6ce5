/**
 * The pilot data generator: deterministic, seeded bank statements, receipts and ground truth for simulated small
 * businesses, from the five pilot companies up to load-test volumes. Depends on tenancy and ledger (chart templates).
 */
package ai.bookkeeper.simulate;

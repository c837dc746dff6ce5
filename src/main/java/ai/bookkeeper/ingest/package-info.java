/**
 * Statement and receipt import: CSV (auto-detected bank layouts, YAML profiles), OFX/QFX and camt.053 into
 * deduplicated {@link ai.bookkeeper.ingest.BankTransaction}s with balance assertions, and receipts into documents.
 */
package ai.bookkeeper.ingest;

/** The audit trail: who changed what in a company's books, and when. Append-only. */
package ai.bookkeeper.audit;

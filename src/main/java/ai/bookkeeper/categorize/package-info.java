/**
 * Suggests an account for every bank transaction: company and global rules first, then exact vendor memory, then
 * a calibrated model learned from approved history, then an LLM (or an offline heuristic); and decides which
 * suggestions are confident enough to approve without review.
 */
package ai.bookkeeper.categorize;

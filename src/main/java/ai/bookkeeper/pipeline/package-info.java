/**
 * The end-to-end flow over the capabilities: imported bank transactions are matched to existing entries or
 * categorized and proposed, then reconciled; the statement-import job and the {@code pilot} command run it.
 */
package ai.bookkeeper.pipeline;

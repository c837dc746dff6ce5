/** Proposals from categorized bank transactions, auto-approval, the review queue, reviewers' decisions and the feedback dataset. */
package ai.bookkeeper.review;

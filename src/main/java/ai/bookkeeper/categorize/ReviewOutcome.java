package ai.bookkeeper.categorize;

/** What a reviewer did with a suggestion. */
public enum ReviewOutcome {
    /** Approved the suggested account unchanged. */
    CONFIRMED,
    /** Chose another account. */
    CORRECTED
}

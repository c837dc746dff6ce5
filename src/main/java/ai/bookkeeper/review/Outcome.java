package ai.bookkeeper.review;

/** What became of a proposal. */
public enum Outcome {
    /** Waiting for a reviewer. */
    QUEUED,
    /** Approved without review: confident enough. */
    AUTO_APPROVED,
    /** A reviewer approved the suggestion as it was. */
    APPROVED,
    /** A reviewer changed the account, then approved. */
    CORRECTED,
    /** A reviewer rejected the entry. */
    REJECTED,
    /** The bank line matched an entry that existed already (match before create); nothing new was booked. */
    MATCHED;

    public boolean isDecided() {
        return this != QUEUED;
    }
}

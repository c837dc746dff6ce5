package ai.bookkeeper.reconcile;

/** How a bank line was matched. */
public enum MatchKind {
    /** Same bank account, amount and date. */
    EXACT,
    /** Same bank account and amount, dates within the window, descriptions alike enough to accept without a human. */
    HEURISTIC,
    /** One bank line settling several entries whose amounts sum to it exactly (a card processor payout). */
    MANY_TO_ONE,
    /** Matched by a person. */
    MANUAL
}

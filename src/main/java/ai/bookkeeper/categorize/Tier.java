package ai.bookkeeper.categorize;

/** Which tier produced a suggestion, in the order they are tried (CACHE sits between rules and the model). */
public enum Tier {
    /** A company or global rule matched. */
    RULE,
    /** The company's own reviewed decisions for this exact vendor (or a stored earlier LLM answer for it). */
    CACHE,
    /** The learned classifier, with calibrated confidence. */
    MODEL,
    /** An LLM provider or the offline heuristic that stands in for one. */
    LLM
}

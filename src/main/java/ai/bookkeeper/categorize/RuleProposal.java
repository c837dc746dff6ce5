package ai.bookkeeper.categorize;

/**
 * A rule suggested because reviewers made the same correction for one vendor again and again, with its backtest
 * over labeled history: of {@code matchedEntries} past entries it would apply to, {@code agreeingEntries} were
 * booked by reviewers to the rule's account.
 */
public record RuleProposal(Rule rule, String vendor, String accountCode, int corrections, int matchedEntries,
                           int agreeingEntries) {

    public String summary() {
        return "Always file " + vendor + " under " + accountCode + " (corrected " + corrections + " times): this rule"
                + " would apply to " + matchedEntries + " past entries, " + agreeingEntries
                + " of them to what reviewers chose.";
    }
}

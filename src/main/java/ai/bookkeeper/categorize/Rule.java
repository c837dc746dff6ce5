package ai.bookkeeper.categorize;

import ai.bookkeeper.tenancy.BusinessType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A categorization rule, as written in YAML (see {@code global-rules.yml} for the format). All conditions that are
 * set must hold; "contains" conditions hold when any of their patterns occurs in the normalized text.
 *
 * @param yaml the rule's own YAML text, as stored
 */
public record Rule(String id, int priority, BigDecimal confidence, Match when, List<Share> shares, String memo,
                   String yaml) {

    public enum Direction { IN, OUT }

    /**
     * Conditions; null or empty means "any".
     *
     * @param amountMin       inclusive lower bound on the absolute amount, in currency units; may be null
     * @param amountMax       inclusive upper bound on the absolute amount; may be null
     * @param bankAccountCode the code of the bank account the transaction was imported into; may be null
     * @param businessTypes   for global rules: the kinds of company whose charts the rule's account codes fit
     */
    public record Match(List<String> descriptionContains, Pattern descriptionRegex, List<String> counterpartyContains,
                        BigDecimal amountMin, BigDecimal amountMax, Direction direction, String bankAccountCode,
                        Set<BusinessType> businessTypes) {
    }

    /**
     * One target account. Of several shares, each but the last takes a fixed {@code amount} or a {@code percent}
     * (rounded DOWN to the cent); the last takes the exact remainder, so the shares always sum to the transaction.
     *
     * @param percent may be null
     * @param amount  may be null
     */
    public record Share(String accountCode, BigDecimal percent, BigDecimal amount) {
    }
}

package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies an ordered rule list: company rules before global ones, each group by descending priority, then by id
 * for determinism. The first rule that matches and whose accounts all exist in the company's chart wins.
 */
final class RuleEngine {

    private static final Comparator<Rule> ORDER = Comparator.comparingInt(Rule::priority).reversed()
            .thenComparing(Rule::id);

    private final List<Rule> rules;
    private final List<String> origins;

    private RuleEngine(List<Rule> rules, List<String> origins) {
        this.rules = rules;
        this.origins = origins;
    }

    static RuleEngine of(List<Rule> companyRules, List<Rule> globalRules) {
        List<Rule> ordered = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        companyRules.stream().sorted(ORDER).forEach(r -> {
            ordered.add(r);
            origins.add("company");
        });
        globalRules.stream().sorted(ORDER).forEach(r -> {
            ordered.add(r);
            origins.add("global");
        });
        return new RuleEngine(List.copyOf(ordered), List.copyOf(origins));
    }

    Optional<Suggestion> suggest(TransactionFacts facts, Chart chart) {
        String description = Vendors.text(facts.description());
        String counterparty = Vendors.text(facts.counterparty());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (!matches(rule.when(), facts, description, counterparty, chart)) {
                continue;
            }
            Optional<List<Allocation>> allocations = allocate(rule, facts.amount().abs(), chart);
            if (allocations.isPresent()) {
                String origin = origins.get(i);
                return Optional.of(new Suggestion(allocations.get(), rule.confidence(), Tier.RULE,
                        origin + "-rule:" + rule.id(), "matched " + origin + " rule '" + rule.id() + "'", List.of(), null));
            }
        }
        return Optional.empty();
    }

    static boolean matches(Rule.Match when, TransactionFacts facts, String description, String counterparty, Chart chart) {
        if (!when.businessTypes().isEmpty() && !when.businessTypes().contains(chart.businessType())) {
            return false;
        }
        if (when.direction() != null && (when.direction() == Rule.Direction.IN) != facts.inflow()) {
            return false;
        }
        BigDecimal absolute = facts.amount().abs().toDecimal();
        if (when.amountMin() != null && absolute.compareTo(when.amountMin()) < 0) {
            return false;
        }
        if (when.amountMax() != null && absolute.compareTo(when.amountMax()) > 0) {
            return false;
        }
        if (when.bankAccountCode() != null && !when.bankAccountCode().equals(chart.bankCode(facts))) {
            return false;
        }
        if (!when.descriptionContains().isEmpty() && !containsAny(description, when.descriptionContains())) {
            return false;
        }
        if (!when.counterpartyContains().isEmpty() && !containsAny(counterparty, when.counterpartyContains())) {
            return false;
        }
        return when.descriptionRegex() == null || when.descriptionRegex().matcher(facts.description()).find();
    }

    // whole-word containment: "AWS" must not match "LAWSON"
    private static boolean containsAny(String text, List<String> patterns) {
        String padded = " " + text + " ";
        return patterns.stream().anyMatch(p -> padded.contains(" " + p + " "));
    }

    /**
     * Splits {@code total} (positive) over the rule's shares. Fixed amounts are exact; percentages are rounded DOWN
     * to the minor unit; the last share takes the remainder, so the allocations always sum to {@code total}. Empty
     * when an account is missing from the chart or the fixed shares exceed the total (the rule then does not apply).
     */
    static Optional<List<Allocation>> allocate(Rule rule, Money total, Chart chart) {
        List<Allocation> allocations = new ArrayList<>();
        long remaining = total.minorUnits();
        List<Rule.Share> shares = rule.shares();
        for (int i = 0; i < shares.size(); i++) {
            Rule.Share share = shares.get(i);
            Optional<Account> account = chart.account(share.accountCode());
            if (account.isEmpty()) {
                return Optional.empty();
            }
            long minor;
            if (i == shares.size() - 1) {
                minor = remaining;
            } else if (share.amount() != null) {
                minor = Money.of(share.amount(), total.currency(), RoundingMode.DOWN).minorUnits();
            } else {
                minor = BigDecimal.valueOf(total.minorUnits()).multiply(share.percent())
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
            }
            if (minor > remaining) {
                return Optional.empty();
            }
            remaining -= minor;
            if (minor > 0) {
                allocations.add(new Allocation(account.get().id(), account.get().code(),
                        Money.ofMinor(minor, total.currency()), rule.memo()));
            }
        }
        return allocations.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(allocations));
    }
}

package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountType;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default last tier when no LLM is configured, and not an LLM: keywords in the description point to words in
 * account names ("AWS" to "hosting", "ELECTRIC" to "utilities"), money in prefers income accounts and money out
 * expense accounts. Its confidence is capped at 0.6 so that it never approves anything on its own.
 */
public class OfflineHeuristicProvider implements LlmProvider {

    public static final String NAME = "offline-keyword-heuristic";
    static final BigDecimal MAX_CONFIDENCE = new BigDecimal("0.60");

    // description keyword -> words that an account name for it would contain
    private static final Map<String, List<String>> HINTS = Map.ofEntries(
            Map.entry("PAYROLL", List.of("PAYROLL", "CONTRACTORS")), Map.entry("SALARY", List.of("PAYROLL")),
            Map.entry("WAGES", List.of("PAYROLL")), Map.entry("CONTRACTOR", List.of("CONTRACTORS", "PAYROLL")),
            Map.entry("RENT", List.of("RENT")), Map.entry("LEASE", List.of("RENT")),
            Map.entry("AWS", List.of("HOSTING", "CLOUD")), Map.entry("HOSTING", List.of("HOSTING")),
            Map.entry("CLOUD", List.of("CLOUD", "HOSTING")), Map.entry("SERVER", List.of("HOSTING")),
            Map.entry("ELECTRIC", List.of("UTILITIES")), Map.entry("ENERGY", List.of("UTILITIES")),
            Map.entry("WATER", List.of("UTILITIES")), Map.entry("GAS", List.of("UTILITIES")),
            Map.entry("INTERNET", List.of("UTILITIES")), Map.entry("PHONE", List.of("UTILITIES")),
            Map.entry("INSURANCE", List.of("INSURANCE")), Map.entry("POLICY", List.of("INSURANCE")),
            Map.entry("ADS", List.of("ADVERTISING", "MARKETING")), Map.entry("MARKETING", List.of("MARKETING")),
            Map.entry("SUBSCRIPTION", List.of("SOFTWARE", "SUBSCRIPTIONS")), Map.entry("SOFTWARE", List.of("SOFTWARE")),
            Map.entry("SAAS", List.of("SOFTWARE")), Map.entry("STAPLES", List.of("SUPPLIES")),
            Map.entry("OFFICE", List.of("OFFICE", "SUPPLIES")), Map.entry("SUPPLY", List.of("SUPPLIES")),
            Map.entry("REPAIR", List.of("REPAIRS", "MAINTENANCE")), Map.entry("PLUMBING", List.of("REPAIRS")),
            Map.entry("FEE", List.of("FEES", "PROCESSING")), Map.entry("FEES", List.of("FEES", "PROCESSING")),
            Map.entry("GROCERY", List.of("FOOD")), Map.entry("FOOD", List.of("FOOD")),
            Map.entry("TUITION", List.of("TUITION")), Map.entry("GRANT", List.of("GRANTS")),
            Map.entry("COMMISSION", List.of("COMMISSION")), Map.entry("MLS", List.of("MLS", "DUES")),
            Map.entry("DUES", List.of("DUES")), Map.entry("FUEL", List.of("VEHICLE")), Map.entry("UBER", List.of("TRAVEL")),
            Map.entry("AIRLINE", List.of("TRAVEL")), Map.entry("HOTEL", List.of("TRAVEL")),
            Map.entry("COURSE", List.of("DEVELOPMENT")), Map.entry("CONFERENCE", List.of("DEVELOPMENT")),
            Map.entry("WHOLESALE", List.of("GOODS")), Map.entry("INVENTORY", List.of("GOODS")),
            Map.entry("DEPOSIT", List.of("REVENUE", "SALES")), Map.entry("INVOICE", List.of("REVENUE")));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Answer categorize(Request request) {
        TransactionFacts facts = request.facts();
        Set<String> words = new HashSet<>(Vendors.words(facts.description()));
        words.addAll(Vendors.words(facts.counterparty()));
        Account best = null;
        int bestScore = 0;
        for (Account account : request.accounts()) {
            int score = score(account, words, facts.inflow());
            if (score > bestScore) {
                best = account;
                bestScore = score;
            }
        }
        if (best == null) {
            return Answer.failed("no keyword in the description points to an account", null);
        }
        // 0.3 for a direction-only guess, up to the cap when keywords agree with the account name
        BigDecimal confidence = BigDecimal.valueOf(Math.min(0.6, 0.3 + 0.1 * (bestScore - 1)));
        return new Answer(best.code(), confidence.min(MAX_CONFIDENCE), "keyword match of the description against "
                + "the account name '" + best.name() + "' (offline heuristic, not a language model)", null);
    }

    private static int score(Account account, Set<String> words, boolean inflow) {
        if (account.bank()) {
            return 0;
        }
        Set<String> name = new HashSet<>(Vendors.words(account.name()));
        int score = 0;
        for (String word : words) {
            if (name.contains(word)) {
                score += 3;
            }
            for (String hint : HINTS.getOrDefault(word, List.of())) {
                if (name.contains(hint)) {
                    score += 2;
                    break;
                }
            }
        }
        boolean fitsDirection = inflow ? account.type() == AccountType.INCOME : account.type() == AccountType.EXPENSE;
        if (score == 0) {
            return 0;
        }
        return fitsDirection ? score + 1 : score - 2;
    }
}

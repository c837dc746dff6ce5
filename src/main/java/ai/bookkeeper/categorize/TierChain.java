package ai.bookkeeper.categorize;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tiers in order, over everything a company's batch needs, loaded once: rules, then vendor memory, then the
 * model, then the LLM provider. The first tier whose confidence reaches the stop threshold wins; otherwise the most
 * confident answer seen wins (earlier tier on a tie), and the LLM is only asked when nothing before it was sure.
 * An LLM answer must name an account of the chart; uncorroborated it is capped at {@code llmCap}; when the model or
 * the vendor memory picked the same account, the two agree and the confidence is 1 - (1-a)(1-b), capped at 0.97.
 */
final class TierChain {

    static final BigDecimal CORROBORATED_CAP = new BigDecimal("0.97");

    /** A model and the version label it is reported under. */
    record VersionedModel(TextClassifier classifier, String source) {
    }

    private final Chart chart;
    private final RuleEngine rules;
    private final Map<String, VendorMemory> memory;
    private final VersionedModel model;
    private final LlmProvider llm;
    private final BigDecimal stopAt;
    private final BigDecimal llmCap;
    private final Map<String, List<VendorMemory>> memoryByFirstWord = new java.util.HashMap<>();
    private final Map<String, VendorMemory> newLlmMemory = new LinkedHashMap<>();

    TierChain(Chart chart, RuleEngine rules, Map<String, VendorMemory> memory, VersionedModel model, LlmProvider llm,
              BigDecimal stopAt, BigDecimal llmCap) {
        this.chart = chart;
        this.rules = rules;
        this.memory = memory;
        this.model = model;
        this.llm = llm;
        this.stopAt = stopAt;
        this.llmCap = llmCap;
        memory.values().forEach(m -> memoryByFirstWord.computeIfAbsent(firstWord(m.vendor()), k -> new ArrayList<>())
                .add(m));
    }

    private static String firstWord(String vendor) {
        int space = vendor.indexOf(' ');
        return space < 0 ? vendor : vendor.substring(0, space);
    }

    /**
     * The exact vendor, else the one remembered vendor that is a word prefix of it or it of (banks append cities:
     * "FIGMA" and "FIGMA SAN FRANCISCO" are one vendor). Ambiguous prefixes answer nothing.
     */
    private VendorMemory remembered(String vendor) {
        VendorMemory exact = memory.get(vendor);
        if (exact != null || vendor.isEmpty()) {
            return exact;
        }
        List<VendorMemory> related = memoryByFirstWord.getOrDefault(firstWord(vendor), List.of()).stream()
                .filter(m -> (vendor + " ").startsWith(m.vendor() + " ") || (m.vendor() + " ").startsWith(vendor + " "))
                .toList();
        return related.size() == 1 ? related.get(0) : null;
    }

    /** LLM answers of this batch, by vendor, to remember so that repeats don't ask the LLM again. */
    Map<String, VendorMemory> newLlmMemory() {
        return newLlmMemory;
    }

    List<Suggestion> suggestAll(List<TransactionFacts> batch) {
        Suggestion[] results = new Suggestion[batch.size()];
        Map<String, List<Integer>> pendingByVendor = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            TransactionFacts facts = batch.get(i);
            Suggestion best = null;
            for (Tier tier : List.of(Tier.RULE, Tier.CACHE, Tier.MODEL)) {
                Optional<Suggestion> s = tier(tier, facts);
                if (s.isPresent() && (best == null || s.get().confidence().compareTo(best.confidence()) > 0)) {
                    best = s.get();
                }
                if (best != null && best.confidence().compareTo(stopAt) >= 0) {
                    break;
                }
            }
            results[i] = best;
            if (best == null || best.confidence().compareTo(stopAt) < 0) {
                // one LLM question per vendor per batch; transactions without a vendor are asked one by one
                String key = facts.vendor().isEmpty() ? "#" + i : facts.vendor();
                pendingByVendor.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        askLlm(batch, results, pendingByVendor);
        return List.of(results);
    }

    private Optional<Suggestion> tier(Tier tier, TransactionFacts facts) {
        return switch (tier) {
            case RULE -> rules.suggest(facts, chart);
            case CACHE -> fromMemory(facts);
            case MODEL -> fromModel(facts);
            case LLM -> Optional.empty();
        };
    }

    private Optional<Suggestion> fromMemory(TransactionFacts facts) {
        VendorMemory m = remembered(facts.vendor());
        if (m == null) {
            return Optional.empty();
        }
        return single(facts, m.accountCode()).map(allocation -> new Suggestion(List.of(allocation), m.confidence(),
                Tier.CACHE, m.reviewed() ? "vendor-memory" : "llm-answer-memory",
                m.reviewed() ? "reviewers booked " + m.vendor() + " to " + m.accountCode() + " in " + m.agreements()
                        + " of the last " + m.decisions() + " decisions"
                        : "the LLM answered " + m.accountCode() + " for " + m.vendor() + " before (not yet reviewed)",
                List.of(), null));
    }

    private Optional<Suggestion> fromModel(TransactionFacts facts) {
        if (model == null) {
            return Optional.empty();
        }
        Set<String> allowed = chart.candidates(facts).stream().map(Account::code).collect(Collectors.toSet());
        TextClassifier.Prediction p = model.classifier().predict(facts, allowed);
        if (p.code() == null) {
            return Optional.empty();
        }
        BigDecimal confidence = BigDecimal.valueOf(p.confidence()).setScale(4, RoundingMode.HALF_EVEN);
        return single(facts, p.code()).map(allocation -> new Suggestion(List.of(allocation), confidence, Tier.MODEL,
                model.source(), String.format("model %s predicts %s (raw score %.3f, calibrated %.3f)", model.source(),
                        p.code(), p.raw(), p.confidence()), p.similar(), null));
    }

    private void askLlm(List<TransactionFacts> batch, Suggestion[] results, Map<String, List<Integer>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(pending.keySet());
        List<LlmProvider.Request> requests = keys.stream().map(k -> {
            TransactionFacts first = batch.get(pending.get(k).get(0));
            return new LlmProvider.Request(first, chart.candidates(first));
        }).toList();
        List<LlmProvider.Answer> answers = llm.categorizeAll(requests);
        for (int k = 0; k < keys.size(); k++) {
            LlmProvider.Answer answer = answers.get(k);
            boolean valid = answer.accountCode() != null && requests.get(k).accounts().stream()
                    .anyMatch(a -> a.code().equals(answer.accountCode()));
            if (valid && !keys.get(k).startsWith("#")) {
                newLlmMemory.put(keys.get(k), new VendorMemory(keys.get(k), answer.accountCode(), 0, 0,
                        answer.confidence().min(llmCap)));
            }
            for (int i : pending.get(keys.get(k))) {
                Suggestion llmSuggestion = valid ? fromAnswer(batch.get(i), answer, results[i])
                        : Suggestion.none(Tier.LLM, llm.name(), rejection(answer), answer.exchange());
                if (results[i] == null || llmSuggestion.confidence().compareTo(results[i].confidence()) > 0) {
                    results[i] = llmSuggestion;
                }
            }
        }
    }

    private Suggestion fromAnswer(TransactionFacts facts, LlmProvider.Answer answer, Suggestion earlier) {
        Allocation allocation = single(facts, answer.accountCode()).orElseThrow();
        boolean corroborated = earlier != null && earlier.allocations().size() == 1
                && earlier.primaryAccountCode().orElse("").equals(answer.accountCode());
        BigDecimal confidence;
        String source = llm.name();
        String rationale = answer.rationale();
        if (corroborated) {
            double a = earlier.confidenceValue();
            double b = answer.confidence().min(llmCap).doubleValue();
            confidence = BigDecimal.valueOf(1 - (1 - a) * (1 - b)).min(CORROBORATED_CAP);
            source = llm.name() + "+" + earlier.source();
            rationale = rationale + " (agrees with " + earlier.tier() + " " + earlier.source() + ")";
        } else {
            confidence = answer.confidence().min(llmCap);
        }
        return new Suggestion(List.of(allocation), confidence, Tier.LLM, source, rationale, List.of(), answer.exchange());
    }

    private static String rejection(LlmProvider.Answer answer) {
        if (answer.accountCode() == null) {
            return "no LLM answer: " + answer.rationale() + "; review needed";
        }
        return "rejected the LLM's answer '" + answer.accountCode() + "': not an account of this company's chart;"
                + " review needed";
    }

    private Optional<Allocation> single(TransactionFacts facts, String code) {
        Money amount = facts.amount().abs();
        if (amount.isZero()) {
            return Optional.empty();
        }
        return chart.account(code).filter(a -> !a.id().equals(facts.bankAccount()))
                .map(a -> new Allocation(a.id(), a.code(), amount, null));
    }
}

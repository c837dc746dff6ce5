package ai.bookkeeper.categorize;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Categorizes bank transactions for one company at a time and learns from review. A batch loads the company's
 * chart, rules, vendor memory and model once; deserialized models are kept in memory per company while they stay
 * the active version.
 */
@Service
public class Categorizer {

    static final String GLOBAL_RULES = "/ai/bookkeeper/categorize/global-rules.yml";
    private static final String GLOBAL_KEY = "global";

    private final CategorizeRepository repository;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final LlmProvider llm;
    private final LlmProperties llmProperties;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final List<Rule> globalRules;
    private final Map<String, Loaded> models = new ConcurrentHashMap<>();

    private record Loaded(String id, TierChain.VersionedModel model) {
    }

    Categorizer(CategorizeRepository repository, Ledger ledger, Tenancy tenancy, AuditTrail audit, LlmProvider llm,
                LlmProperties llmProperties, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.audit = audit;
        this.llm = llm;
        this.llmProperties = llmProperties;
        this.clock = clock;
        this.globalRules = loadGlobalRules();
    }

    static List<Rule> loadGlobalRules() {
        try (InputStream in = Categorizer.class.getResourceAsStream(GLOBAL_RULES)) {
            return RuleBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "global-rules.yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Suggestion suggest(CompanyAccess access, TransactionFacts facts) {
        return suggestAll(access, List.of(facts)).get(0);
    }

    public List<Suggestion> suggestAll(CompanyAccess access, List<TransactionFacts> batch) {
        access.require(Role.VIEWER, "see categorization suggestions");
        if (batch.isEmpty()) {
            return List.of();
        }
        Company company = tenancy.company(access);
        TierChain chain = chain(access, company);
        List<Suggestion> suggestions = chain.suggestAll(batch);
        List<VendorMemory> answers = List.copyOf(chain.newLlmMemory().values());
        if (!answers.isEmpty()) {
            // one transaction for the batch: on SQLite each row would otherwise be a transaction of its own, each
            // waiting for the write lock that imports hold most of the time
            transactions.executeWithoutResult(status ->
                    repository.rememberLlmAnswers(access.companyId(), answers, clock.instant()));
        }
        return suggestions;
    }

    /** The approval policy of the company: its threshold and stored overrides. */
    public AutoApprovalPolicy policy(CompanyAccess access) {
        Company company = tenancy.company(access);
        return new AutoApprovalPolicy(company.autoApproveThreshold(),
                repository.overrides(access.companyId(), company.currency()));
    }

    @Transactional
    public void addApprovalOverride(CompanyAccess access, ApprovalOverride override) {
        access.require(Role.OWNER, "change auto-approval settings");
        if (override.threshold() != null && (override.threshold().signum() < 0
                || override.threshold().compareTo(java.math.BigDecimal.ONE) > 0 || override.threshold().scale() > 4)) {
            throw new InvalidInputException("override.threshold", "An override threshold is a confidence from 0 to 1"
                    + " with at most 4 decimals, or empty for 'never auto-approve'.");
        }
        if (override.accountCode() != null && ledger.accountByCode(access, override.accountCode()).isEmpty()) {
            throw new NotFoundException("account.not_found", "No account " + override.accountCode()
                    + " in this company's chart; check the code.");
        }
        repository.insertOverride(access.companyId(), override, tenancy.company(access).currency(), clock.instant());
        audit.record(access, "categorize.override.added", "company", access.companyId(), override.toString());
    }

    /** Runs the tiers and the approval policy over labeled transactions; learns nothing. */
    public Evaluation evaluate(CompanyAccess access, List<TransactionFacts> facts, List<String> trueCodes) {
        List<Suggestion> suggestions = suggestAll(access, facts);
        AutoApprovalPolicy policy = policy(access);
        List<AutoApprovalPolicy.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            verdicts.add(policy.decide(facts.get(i), suggestions.get(i)));
        }
        return Evaluation.of(suggestions, verdicts, trueCodes);
    }

    // ---- learning

    /** Called by review on each decision: logged for retraining, and remembered for the vendor at once. */
    @Transactional
    public void learn(CompanyAccess access, TransactionFacts facts, String approvedAccountCode, ReviewOutcome outcome) {
        access.require(Role.ACCOUNTANT, "review categorizations");
        requireAccount(access, approvedAccountCode);
        repository.insertDecision(access.companyId(), facts, approvedAccountCode, outcome, clock.instant());
        if (!facts.vendor().isEmpty()) {
            repository.rememberDecision(access.companyId(), facts.vendor(), approvedAccountCode, clock.instant());
        }
    }

    /** Trains a candidate model from approved history; it replaces the current one only if it scores better. */
    @Transactional
    public TrainingReport train(CompanyAccess access, List<LabeledExample> examples) {
        access.require(Role.ACCOUNTANT, "train the categorization model");
        if (examples.size() < TextClassifier.MIN_EXAMPLES + 5) {
            throw new InvalidInputException("model.too_little_data", "Training needs at least "
                    + (TextClassifier.MIN_EXAMPLES + 5) + " approved transactions; " + examples.size()
                    + " were given. Until then the global model, rules and vendor memory answer.");
        }
        Optional<Loaded> current = companyModel(access.companyId());
        ShadowTraining.Outcome outcome = ShadowTraining.run(examples, current.map(l -> l.model().classifier()).orElse(null));
        int version = repository.nextModelVersion(access.companyId());
        String metrics = metrics(outcome);
        if (outcome.promote()) {
            repository.insertModel(access.companyId(), version, metrics, outcome.candidate().toBytes(), true,
                    clock.instant());
        }
        audit.record(access, outcome.promote() ? "categorize.model.promoted" : "categorize.model.kept",
                "company", access.companyId(), "candidate v" + version + ": " + metrics);
        return report(outcome, version);
    }

    /** The periodic retrain: the company's logged review decisions as training data. */
    public TrainingReport retrain(CompanyAccess access) {
        return train(access, repository.decisions(access.companyId()).stream()
                .map(CategorizeRepository.Decision::example).toList());
    }

    /** Trains the fallback model for companies without enough history (application-level, e.g. from pilot data). */
    @Transactional
    public TrainingReport trainGlobal(List<LabeledExample> examples) {
        Optional<Loaded> current = globalModel();
        ShadowTraining.Outcome outcome = ShadowTraining.run(examples, current.map(l -> l.model().classifier()).orElse(null));
        int version = repository.nextGlobalModelVersion();
        if (outcome.promote()) {
            repository.insertGlobalModel(version, metrics(outcome), outcome.candidate().toBytes(), true, clock.instant());
        }
        return report(outcome, version);
    }

    /** How calibrated the company's current model (or the global fallback) is on the given held-out examples. */
    public ReliabilityTable reliability(CompanyAccess access, List<LabeledExample> heldOut) {
        access.require(Role.VIEWER, "see model quality");
        TierChain.VersionedModel model = companyModel(access.companyId()).or(this::globalModel).map(Loaded::model)
                .orElseThrow(() -> new NotFoundException("model.none", "No model is trained yet; train one first."));
        return model.classifier().reliability(heldOut, 10);
    }

    // ---- rules

    public List<Rule> rules(CompanyAccess access) {
        access.require(Role.VIEWER, "see categorization rules");
        return companyRules(access.companyId());
    }

    public List<Rule> globalRules() {
        return globalRules;
    }

    /** Adds or replaces (by id) the rules of a YAML document. */
    @Transactional
    public List<Rule> addRules(CompanyAccess access, String yaml) {
        access.require(Role.ACCOUNTANT, "add categorization rules");
        List<Rule> rules = RuleBook.parse(yaml, "the rules document");
        for (Rule rule : rules) {
            for (Rule.Share share : rule.shares()) {
                requireAccount(access, share.accountCode());
            }
            repository.upsertRule(access.companyId(), rule, clock.instant());
            audit.record(access, "categorize.rule.saved", "category_rule", rule.id(), rule.yaml());
        }
        return rules;
    }

    @Transactional
    public void deleteRule(CompanyAccess access, String ruleId) {
        access.require(Role.ACCOUNTANT, "delete categorization rules");
        if (!repository.deleteRule(access.companyId(), ruleId)) {
            throw new NotFoundException("rule.not_found", "No rule '" + ruleId + "' in this company.");
        }
        audit.record(access, "categorize.rule.deleted", "category_rule", ruleId, null);
    }

    /** "Always file this vendor under that account", in one step from a review decision. */
    @Transactional
    public Rule ruleFromDecision(CompanyAccess access, TransactionFacts facts, String accountCode) {
        access.require(Role.ACCOUNTANT, "add categorization rules");
        requireAccount(access, accountCode);
        Rule rule = vendorRule(facts, accountCode);
        repository.upsertRule(access.companyId(), rule, clock.instant());
        audit.record(access, "categorize.rule.saved", "category_rule", rule.id(), rule.yaml());
        return rule;
    }

    static Rule vendorRule(TransactionFacts facts, String accountCode) {
        String vendor = Vendors.normalize(facts.description());
        boolean byCounterparty = vendor.isEmpty() && facts.counterparty() != null;
        if (byCounterparty) {
            vendor = Vendors.normalize(facts.counterparty());
        }
        if (vendor.isEmpty()) {
            throw new InvalidInputException("rule.no_vendor", "The description '" + facts.description()
                    + "' has no vendor name to match on; write the rule by hand instead.");
        }
        Map<String, Object> when = new LinkedHashMap<>();
        when.put(byCounterparty ? "counterparty_contains" : "description_contains", List.of(vendor));
        when.put("direction", facts.inflow() ? "in" : "out");
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", "vendor-" + vendor.toLowerCase(Locale.ROOT).replace(' ', '-'));
        rule.put("priority", 500);
        rule.put("confidence", "0.97");
        rule.put("when", when);
        rule.put("account", accountCode);
        return RuleBook.parse(RuleBook.toYaml(rule), "the rule from a review decision").get(0);
    }

    /** Rules for vendors that reviewers corrected to one account at least 3 times, backtested on logged decisions. */
    public List<RuleProposal> proposals(CompanyAccess access) {
        return proposals(access, repository.decisions(access.companyId()).stream()
                .map(CategorizeRepository.Decision::example).toList());
    }

    public List<RuleProposal> proposals(CompanyAccess access, List<LabeledExample> history) {
        access.require(Role.VIEWER, "see rule proposals");
        Map<List<String>, Long> corrections = repository.decisions(access.companyId()).stream()
                .filter(d -> d.outcome() == ReviewOutcome.CORRECTED && !d.example().facts().vendor().isEmpty())
                .collect(Collectors.groupingBy(d -> List.of(d.example().facts().vendor(), d.example().accountCode()),
                        LinkedHashMap::new, Collectors.counting()));
        Company company = tenancy.company(access);
        Chart chart = Chart.of(company.businessType(), ledger.accounts(access));
        RuleEngine existing = RuleEngine.of(companyRules(access.companyId()), List.of());
        List<RuleProposal> proposals = new ArrayList<>();
        corrections.forEach((key, count) -> {
            if (count < 3) {
                return;
            }
            TransactionFacts sample = repository.decisions(access.companyId()).stream()
                    .map(CategorizeRepository.Decision::example).filter(e -> e.facts().vendor().equals(key.get(0)))
                    .findFirst().orElseThrow().facts();
            boolean covered = existing.suggest(sample, chart)
                    .flatMap(Suggestion::primaryAccountCode).filter(key.get(1)::equals).isPresent();
            if (covered) {
                return;
            }
            Rule rule = vendorRule(sample, key.get(1));
            RuleEngine candidate = RuleEngine.of(List.of(rule), List.of());
            int matched = 0;
            int agreeing = 0;
            for (LabeledExample e : history) {
                if (candidate.suggest(e.facts(), chart).isPresent()) {
                    matched++;
                    agreeing += e.accountCode().equals(key.get(1)) ? 1 : 0;
                }
            }
            proposals.add(new RuleProposal(rule, key.get(0), key.get(1), count.intValue(), matched, agreeing));
        });
        return proposals;
    }

    // ---- loading

    private TierChain chain(CompanyAccess access, Company company) {
        Chart chart = Chart.of(company.businessType(), ledger.accounts(access));
        RuleEngine rules = RuleEngine.of(companyRules(access.companyId()), globalRules);
        TierChain.VersionedModel model = companyModel(access.companyId()).or(this::globalModel).map(Loaded::model)
                .orElse(null);
        return new TierChain(chart, rules, repository.vendorMemory(access.companyId()), model, llm,
                company.autoApproveThreshold(), llmProperties.maxConfidence());
    }

    private List<Rule> companyRules(CompanyId company) {
        List<Rule> rules = new ArrayList<>();
        for (String definition : repository.ruleDefinitions(company)) {
            rules.addAll(RuleBook.parse(definition, "stored rule"));
        }
        return rules;
    }

    private Optional<Loaded> companyModel(CompanyId company) {
        return repository.activeModel(company).map(stored -> models.compute(company.toString(), (k, cached) ->
                cached != null && cached.id().equals(stored.id()) ? cached
                        : new Loaded(stored.id(), new TierChain.VersionedModel(
                                TextClassifier.fromBytes(repository.modelBytes(company, stored.id())),
                                "company-model-v" + stored.version()))));
    }

    private Optional<Loaded> globalModel() {
        return repository.activeGlobalModel().map(stored -> models.compute(GLOBAL_KEY, (k, cached) ->
                cached != null && cached.id().equals(stored.id()) ? cached
                        : new Loaded(stored.id(), new TierChain.VersionedModel(
                                TextClassifier.fromBytes(repository.globalModelBytes(stored.id())),
                                "global-model-v" + stored.version()))));
    }

    private void requireAccount(CompanyAccess access, String code) {
        if (ledger.accountByCode(access, code).isEmpty()) {
            throw new NotFoundException("account.not_found", "No account " + code
                    + " in this company's chart; check the code or add the account first.");
        }
    }

    private static String metrics(ShadowTraining.Outcome o) {
        return String.format(Locale.ROOT, "{\"heldOutAccuracy\":%.4f,\"currentHeldOutAccuracy\":%s,\"trained\":%d,"
                        + "\"heldOut\":%d,\"ece\":%.4f}", o.candidateAccuracy(),
                o.currentAccuracy() == null ? "null" : String.format(Locale.ROOT, "%.4f", o.currentAccuracy()),
                o.trained(), o.heldOut(), o.reliability().expectedCalibrationError());
    }

    private static TrainingReport report(ShadowTraining.Outcome o, int version) {
        return new TrainingReport(o.promote(), version, o.trained(), o.heldOut(), o.candidateAccuracy(),
                o.currentAccuracy(), o.reliability());
    }
}

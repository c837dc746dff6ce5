package ai.bookkeeper.categorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CategorizerIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Categorizer categorizer;
    @Autowired LlmProvider llm;

    CompanyAccess owner;
    Account checking;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        checking = ledger.accountByCode(owner, "1000").orElseThrow();
    }

    TransactionFacts out(String amount, String description) {
        return new TransactionFacts("t", LocalDate.of(2026, 3, 2), Money.of(amount, CurrencyCode.USD).negate(),
                description, null, checking.id());
    }

    /** Synthetic history re-pointed at this company's bank account. */
    List<LabeledExample> history(long seed, int count) {
        return SyntheticBooks.generate(seed, count).stream().map(e -> new LabeledExample(new TransactionFacts(
                e.facts().transactionId(), e.facts().date(), e.facts().amount(), e.facts().description(), null,
                checking.id()), e.accountCode())).toList();
    }

    @Test
    void without_configuration_the_llm_tier_is_the_honestly_named_offline_heuristic() {
        assertThat(llm.name()).isEqualTo(OfflineHeuristicProvider.NAME);
        Suggestion s = categorizer.suggest(owner, out("19.99", "NEW HOSTING SERVER CO"));
        assertThat(s.tier()).isEqualTo(Tier.LLM);
        assertThat(s.source()).isEqualTo("offline-keyword-heuristic");
        assertThat(s.primaryAccountCode()).contains("6150");
        assertThat(s.confidence()).isLessThanOrEqualTo(new BigDecimal("0.6"));
    }

    @Test
    void a_review_decision_is_remembered_at_once_and_a_rule_from_it_wins_next_time() {
        TransactionFacts figma = out("15.00", "POS FIGMA.COM SAN FRANCISCO CA");
        categorizer.learn(owner, figma, "6200", ReviewOutcome.CORRECTED);
        Suggestion remembered = categorizer.suggest(owner, out("45.00", "FIGMA.COM 8812"));
        assertThat(remembered.tier()).isEqualTo(Tier.CACHE);
        assertThat(remembered.primaryAccountCode()).contains("6200");
        assertThat(remembered.confidence()).isGreaterThanOrEqualTo(new BigDecimal("0.85"));

        Rule rule = categorizer.ruleFromDecision(owner, out("310.00", "AMAZON WEB SERVICES AWS.AMAZON.CO WA"), "6500");
        Suggestion s = categorizer.suggest(owner, out("12.00", "Amazon Web Services #77 Seattle"));
        assertThat(s.tier()).isEqualTo(Tier.RULE);
        assertThat(s.source()).isEqualTo("company-rule:" + rule.id());
        assertThat(s.primaryAccountCode()).contains("6500"); // the company rule beats the global hosting rule
        assertThat(categorizer.rules(owner)).extracting(Rule::id).containsExactly(rule.id());
    }

    @Test
    void company_rules_are_stored_as_yaml_and_invisible_to_other_companies() {
        categorizer.addRules(owner, """
                rules:
                  - id: coffee
                    when: {description_contains: [BLUE BOTTLE], amount_max: 50}
                    account: "6500"
                    memo: Team coffee
                """);
        CompanyAccess other = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        assertThat(categorizer.suggest(owner, out("8.50", "SQ *BLUE BOTTLE OAKLAND")).tier()).isEqualTo(Tier.RULE);
        assertThat(categorizer.rules(other)).isEmpty();
        assertThat(categorizer.suggest(other, new TransactionFacts("t", null, Money.of("-8.50", CurrencyCode.USD),
                "SQ *BLUE BOTTLE OAKLAND", null, null)).tier()).isNotEqualTo(Tier.RULE);
        assertThatThrownBy(() -> categorizer.addRules(owner, "- {id: x, when: {direction: out}, account: '9999'}"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9999");
    }

    @Test
    void a_model_is_trained_persisted_and_replaced_only_by_a_better_one() {
        TrainingReport first = categorizer.train(owner, history(42, 600));
        assertThat(first.promoted()).isTrue();
        assertThat(first.currentAccuracy()).isNull();
        Suggestion s = categorizer.suggest(owner, out("120.00", "JETBRAINS AMERICAS"));
        assertThat(s.tier()).isEqualTo(Tier.MODEL);
        assertThat(s.source()).isEqualTo("company-model-v1");
        assertThat(s.primaryAccountCode()).contains("6200");
        assertThat(s.similarExamples()).isNotEmpty();

        // a candidate trained on too little history scores worse on the held-out decisions and stays in shadow
        TrainingReport second = categorizer.train(owner, history(43, 30));
        assertThat(second.promoted()).as(second.toString()).isFalse();
        assertThat(categorizer.suggest(owner, out("120.00", "JETBRAINS AMERICAS")).source()).isEqualTo("company-model-v1");

        ReliabilityTable table = categorizer.reliability(owner, history(44, 300));
        assertThat(table.expectedCalibrationError()).as(table.toString()).isLessThan(0.06);
    }

    @Test
    void evaluation_counts_auto_approvals_under_the_companys_overrides() {
        categorizer.train(owner, history(42, 600));
        List<LabeledExample> test = history(45, 300);
        List<TransactionFacts> facts = test.stream().map(LabeledExample::facts).toList();
        List<String> codes = test.stream().map(LabeledExample::accountCode).toList();
        Evaluation before = categorizer.evaluate(owner, facts, codes);
        assertThat(before.autoApprovalRate()).as(before.toString()).isGreaterThan(0.8);
        assertThat(before.autoApprovalPrecision()).as(before.toString()).isGreaterThanOrEqualTo(0.98);

        categorizer.addApprovalOverride(owner, new ApprovalOverride(null, new BigDecimal("1000.00"), null, null));
        categorizer.addApprovalOverride(owner, new ApprovalOverride("6200", null, null, new BigDecimal("0.9999")));
        AutoApprovalPolicy policy = categorizer.policy(owner);
        Suggestion big = categorizer.suggest(owner, out("5000.00", "DEEL INC"));
        assertThat(policy.decide(out("5000.00", "DEEL INC"), big).reason()).contains("never auto-approved");
        Evaluation after = categorizer.evaluate(owner, facts, codes);
        assertThat(after.autoApprovalRate()).isLessThan(before.autoApprovalRate());
        assertThat(AutoApprovalPolicy.memo(big)).contains("MODEL").contains("company-model-v1").contains("confidence");
    }

    @Test
    void three_identical_corrections_propose_a_rule_with_a_backtest() {
        for (String d : List.of("POS WIDGETCO SUPPLY 1", "WIDGETCO SUPPLY #22", "WIDGETCO SUPPLY ONLINE")) {
            categorizer.learn(owner, out("30.00", d), "6500", ReviewOutcome.CORRECTED);
        }
        categorizer.learn(owner, out("30.00", "OTHERCO THING"), "6500", ReviewOutcome.CORRECTED);
        List<LabeledExample> history = List.of(new LabeledExample(out("5.00", "WIDGETCO SUPPLY 9"), "6500"),
                new LabeledExample(out("5.00", "WIDGETCO SUPPLY 10"), "6500"),
                new LabeledExample(out("5.00", "WIDGETCO SUPPLY 11"), "6200"),
                new LabeledExample(out("5.00", "UNRELATED"), "6500"));
        List<RuleProposal> proposals = categorizer.proposals(owner, history);
        assertThat(proposals).singleElement().satisfies(p -> {
            assertThat(p.vendor()).isEqualTo("WIDGETCO SUPPLY");
            assertThat(p.corrections()).isEqualTo(3);
            assertThat(p.matchedEntries()).isEqualTo(3);
            assertThat(p.agreeingEntries()).isEqualTo(2);
            assertThat(p.summary()).contains("3 past entries, 2 of them");
        });
    }

    @Test
    void viewers_cannot_teach_and_unknown_accounts_are_refused() {
        CompanyAccess viewer = Fixtures.member(tenancy, owner, Role.VIEWER);
        assertThatThrownBy(() -> categorizer.learn(viewer, out("1.00", "X CO"), "6200", ReviewOutcome.CONFIRMED))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> categorizer.learn(owner, out("1.00", "X CO"), "9999", ReviewOutcome.CONFIRMED))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9999");
    }
}

package ai.bookkeeper.categorize;

import static ai.bookkeeper.categorize.Charts.WEB_CHART;
import static ai.bookkeeper.categorize.Charts.in;
import static ai.bookkeeper.categorize.Charts.out;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RuleBookTest {

    static Suggestion suggest(String yaml, TransactionFacts facts) {
        return RuleEngine.of(RuleBook.parse(yaml, "test"), List.of()).suggest(facts, WEB_CHART).orElse(null);
    }

    @Test
    void a_contains_rule_matches_whole_words_in_normalized_descriptions_only() {
        String yaml = """
                rules:
                  - id: aws
                    when: {description_contains: [AWS], direction: out}
                    account: "6150"
                """;
        assertThat(suggest(yaml, out("10.00", "POS aws.amazon.com*X12 WA"))).isNotNull();
        assertThat(suggest(yaml, out("10.00", "LAWSON PLUMBING"))).isNull();
        assertThat(suggest(yaml, in("10.00", "AWS refund"))).isNull();
    }

    @Test
    void amount_range_counterparty_regex_and_bank_account_all_must_hold() {
        String yaml = """
                - id: big-rent
                  confidence: 0.99
                  when:
                    description_regex: "^rent\\\\b"
                    counterparty_contains: ACME PROPERTIES
                    amount_min: 1000
                    amount_max: "5000.00"
                    bank_account: "1000"
                  account: "6100"
                  memo: Office rent
                """;
        TransactionFacts rent = new TransactionFacts("t", null, Money.of("-2500.00", Charts.CHECKING.id() == null ? null
                : ai.bookkeeper.shared.CurrencyCode.USD), "RENT MARCH", "Acme Properties LLC", Charts.CHECKING.id());
        Suggestion s = suggest(yaml, rent);
        assertThat(s.confidence()).isEqualByComparingTo("0.99");
        assertThat(s.allocations()).singleElement().satisfies(a -> {
            assertThat(a.accountCode()).isEqualTo("6100");
            assertThat(a.memo()).isEqualTo("Office rent");
        });
        assertThat(s.source()).isEqualTo("company-rule:big-rent");
        assertThat(suggest(yaml, new TransactionFacts("t", null, Money.of("-6000.00", rent.amount().currency()),
                "RENT MARCH", "Acme Properties", rent.bankAccount()))).isNull();
        assertThat(suggest(yaml, new TransactionFacts("t", null, rent.amount(), "RENT MARCH", "Other Landlord",
                rent.bankAccount()))).isNull();
        assertThat(suggest(yaml, new TransactionFacts("t", null, rent.amount(), "RENT MARCH", "Acme Properties",
                null))).isNull();
    }

    @Test
    void a_split_gives_percentages_rounded_down_and_the_remainder_cents_to_the_last_share() {
        String yaml = """
                - id: shared-office
                  when: {description_contains: [WEWORK]}
                  split:
                    - {account: "6100", percent: 33.33}
                    - {account: "6500", amount: "10.00"}
                    - {account: "6200"}
                """;
        Suggestion s = suggest(yaml, out("100.01", "WEWORK MEMBERSHIP"));
        assertThat(s.allocations()).extracting(a -> a.amount().toDecimal().toPlainString())
                .containsExactly("33.33", "10.00", "56.68");
        assertThat(s.confidence()).isEqualByComparingTo(RuleBook.DEFAULT_USER_CONFIDENCE);
    }

    @Property(tries = 200)
    void split_allocations_always_sum_exactly_to_the_transaction(@ForAll @LongRange(min = 1, max = 10_000_000) long cents) {
        Rule rule = RuleBook.parse("""
                - id: split
                  when: {description_contains: [X]}
                  split: [{account: "6100", percent: 12.5}, {account: "6200", percent: 50}, {account: "6300"}]
                """, "test").get(0);
        Money total = Money.ofMinor(cents, ai.bookkeeper.shared.CurrencyCode.USD);
        List<Allocation> allocations = RuleEngine.allocate(rule, total, WEB_CHART).orElseThrow();
        assertThat(allocations.stream().mapToLong(a -> a.amount().minorUnits()).sum()).isEqualTo(cents);
    }

    @Test
    void a_rule_whose_fixed_share_exceeds_the_amount_or_whose_account_is_missing_does_not_apply() {
        assertThat(suggest("""
                - id: fixed
                  when: {description_contains: [GUSTO]}
                  split: [{account: "6000", amount: 500}, {account: "6300"}]
                """, out("100.00", "GUSTO"))).isNull();
        assertThat(suggest("""
                - id: missing
                  when: {description_contains: [GUSTO]}
                  account: "9999"
                """, out("100.00", "GUSTO"))).isNull();
    }

    @Test
    void validation_errors_name_the_rule_and_the_field() {
        assertThatThrownBy(() -> RuleBook.parse("- {id: r1, when: {description_regex: '(' }, account: '6100'}", "f.yml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Rule 'r1'").hasMessageContaining("'when.description_regex'");
        assertThatThrownBy(() -> RuleBook.parse("- {id: r2, when: {direction: sideways}, account: '6100'}", "f.yml"))
                .hasMessageContaining("Rule 'r2'").hasMessageContaining("'when.direction'");
        assertThatThrownBy(() -> RuleBook.parse("- {id: r3, confidence: 1.5, when: {direction: in}, account: '6100'}", "f.yml"))
                .hasMessageContaining("Rule 'r3'").hasMessageContaining("'confidence'");
        assertThatThrownBy(() -> RuleBook.parse("- {id: r4, when: {direction: in}, acount: '6100'}", "f.yml"))
                .hasMessageContaining("Rule 'r4'").hasMessageContaining("unknown field 'acount'");
        assertThatThrownBy(() -> RuleBook.parse("- {when: {direction: in}, account: '6100'}", "f.yml"))
                .hasMessageContaining("f.yml, rule #1").hasMessageContaining("'id'");
        assertThatThrownBy(() -> RuleBook.parse("- {id: r5, when: {direction: in}, split: [{account: '6100'}, "
                + "{account: '6200'}]}", "f.yml")).hasMessageContaining("'split[0]'");
    }

    @Test
    void yaml_that_asks_for_java_objects_is_refused_by_the_safe_constructor() {
        assertThatThrownBy(() -> RuleBook.parse("!!java.io.File [\"/etc/passwd\"]", "evil.yml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("evil.yml");
    }

    @Test
    void the_global_rules_parse_and_file_payroll_and_processor_payouts() {
        RuleEngine global = RuleEngine.of(List.of(), Categorizer.loadGlobalRules());
        Suggestion payroll = global.suggest(out("8000.00", "GUSTO PAYROLL 2231 NET PAY"), WEB_CHART).orElseThrow();
        assertThat(payroll.primaryAccountCode()).contains("6000");
        assertThat(payroll.confidence()).isGreaterThan(new BigDecimal("0.95"));
        assertThat(global.suggest(in("1200.00", "STRIPE TRANSFER ST-A1B2"), WEB_CHART).orElseThrow()
                .primaryAccountCode()).contains("4000");
        assertThat(global.suggest(out("12.00", "COFFEE SHOP"), WEB_CHART)).isEmpty();
    }

    @Test
    void a_rule_from_a_decision_matches_other_spellings_of_the_same_vendor() {
        Rule rule = Categorizer.vendorRule(out("310.22", "AMAZON WEB SERVICES AWS.AMAZON.CO WA"), "6150");
        assertThat(rule.when().descriptionContains()).containsExactly("AMAZON WEB SERVICES");
        assertThat(rule.confidence()).isGreaterThanOrEqualTo(new BigDecimal("0.95"));
        RuleEngine engine = RuleEngine.of(List.of(rule), List.of());
        assertThat(engine.suggest(out("5.00", "Amazon Web Services #8812 Seattle"), WEB_CHART)).isPresent();
        assertThat(RuleBook.parse(rule.yaml(), "round trip").get(0).when()).isEqualTo(rule.when());
    }
}

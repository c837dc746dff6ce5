package ai.bookkeeper.reconcile;

import static ai.bookkeeper.reconcile.Lines.item;
import static ai.bookkeeper.reconcile.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchingEngineTest {

    private final MatchingEngine engine = new MatchingEngine(ReconcileOptions.defaults());

    @Test
    void a_line_and_an_entry_with_the_same_amount_and_date_match_exactly() {
        ReconciliationResult result = engine.run(List.of(line("b1", 10, "-42.10", "POS DEBIT STAPLES #1182 03/10")),
                List.of(item("e1", 10, "-42.10", "Office supplies")));

        assertThat(result.matches()).singleElement().satisfies(m -> {
            assertThat(m.bankLineId()).isEqualTo("b1");
            assertThat(m.entryIds()).containsExactly("e1");
            assertThat(m.kind()).isEqualTo(MatchKind.EXACT);
            assertThat(m.scoreBp()).isEqualTo(6500);
            assertThat(m.reason()).contains("same amount USD -42.10, same date 2026-03-10");
        });
        assertThat(result.unmatchedLines()).isEmpty();
        assertThat(result.unmatchedItems()).isEmpty();
    }

    @Test
    void a_line_two_days_from_an_entry_of_the_same_vendor_matches_heuristically() {
        ReconciliationResult result = engine.run(List.of(line("b1", 12, "-19.99", "ACH DEBIT ADOBE *CREATIVE CLD 4411")),
                List.of(item("e1", 10, "-19.99", "Adobe Creative Cloud")));

        assertThat(result.matches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MatchKind.HEURISTIC);
            assertThat(m.scoreBp()).isGreaterThanOrEqualTo(8500);
            assertThat(m.reason()).contains("2 days apart").contains("98% alike");
        });
    }

    @Test
    void a_near_date_without_a_similar_description_is_only_suggested() {
        ReconciliationResult result = engine.run(List.of(line("b1", 11, "-75.00", "CHECK 1043")),
                List.of(item("e1", 10, "-75.00", "Window cleaning")));

        assertThat(result.matches()).isEmpty();
        assertThat(result.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.bankLineId()).isEqualTo("b1");
            assertThat(s.entryIds()).containsExactly("e1");
            assertThat(s.scoreBp()).isLessThan(8500);
        });
        assertThat(result.unmatchedLines()).extracting(BankLine::id).containsExactly("b1");
        assertThat(result.unmatchedItems()).extracting(LedgerItem::entryId).containsExactly("e1");
    }

    @Test
    void dates_further_apart_than_the_window_do_not_match() {
        List<BankLine> lines = List.of(line("b1", 15, "-19.99", "ADOBE"));
        List<LedgerItem> items = List.of(item("e1", 10, "-19.99", "ADOBE"));

        assertThat(engine.run(lines, items).matches()).isEmpty();
        assertThat(new MatchingEngine(ReconcileOptions.defaults().withDateWindowDays(5)).run(lines, items).matches())
                .singleElement().extracting(Match::kind).isEqualTo(MatchKind.HEURISTIC);
    }

    @Test
    void different_amounts_accounts_or_currencies_never_match() {
        ReconciliationResult result = engine.run(
                List.of(line("b1", 10, "-10.00", "X"), new BankLine("b2", Lines.CARD, Lines.MARCH_10, Lines.usd("-20.00"), "Y"),
                        new BankLine("b3", Lines.CHECKING, Lines.MARCH_10,
                                ai.bookkeeper.shared.Money.of("-30.00", ai.bookkeeper.shared.CurrencyCode.of("EUR")), "Z")),
                List.of(item("e1", 10, "-10.01", "X"), item("e2", 10, "-20.00", "Y"), item("e3", 10, "-30.00", "Z")));

        assertThat(result.matches()).isEmpty();
        assertThat(result.unmatchedLines()).hasSize(3);
        assertThat(result.unmatchedItems()).hasSize(3);
    }

    @Test
    void a_payout_settling_several_entries_that_sum_exactly_matches_many_to_one() {
        ReconciliationResult result = engine.run(List.of(line("payout", 12, "150.00", "STRIPE TRANSFER ST-4X9")),
                List.of(item("s1", 9, "40.00", "Sale 1001"), item("s2", 10, "50.00", "Sale 1002"),
                        item("s3", 11, "60.00", "Sale 1003"), item("s4", 11, "500.00", "Sale 1004")));

        assertThat(result.matches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MatchKind.MANY_TO_ONE);
            assertThat(m.entryIds()).containsExactlyInAnyOrder("s1", "s2", "s3");
            assertThat(m.reason()).contains("3 entries dated 2026-03-09..2026-03-11 sum exactly to the bank line's USD 150.00");
        });
        assertThat(result.unmatchedItems()).extracting(LedgerItem::entryId).containsExactly("s4");
    }

    @Test
    void a_sum_that_several_combinations_reach_is_only_suggested() {
        ReconciliationResult result = engine.run(List.of(line("payout", 12, "100.00", "PAYOUT")),
                List.of(item("s1", 11, "30.00", "a"), item("s2", 11, "70.00", "b"), item("s3", 11, "40.00", "c"),
                        item("s4", 11, "60.00", "d")));

        assertThat(result.matches()).isEmpty();
        assertThat(result.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(MatchKind.MANY_TO_ONE);
            assertThat(s.reason()).contains("1 other combination also sum");
        });
    }

    @Test
    void of_two_candidates_with_the_same_amount_the_nearer_date_and_better_description_wins_in_any_input_order() {
        List<BankLine> lines = new ArrayList<>(List.of(line("b1", 10, "-12.00", "POS DEBIT BLUE BOTTLE COFFEE #12"),
                line("b2", 10, "-12.00", "POS DEBIT CITY PARKING 0042")));
        List<LedgerItem> items = new ArrayList<>(List.of(item("far", 12, "-12.00", "Blue Bottle Coffee"),
                item("parking", 9, "-12.00", "City Parking"), item("coffee", 10, "-12.00", "Blue Bottle Coffee"),
                item("other", 8, "-12.00", "Lunch")));
        List<Match> expected = engine.run(lines, items).matches();

        assertThat(expected).extracting(m -> m.bankLineId() + "=" + m.entryIds().get(0))
                .containsExactly("b1=coffee", "b2=parking");
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(lines, random);
            Collections.shuffle(items, random);
            assertThat(new MatchingEngine(ReconcileOptions.defaults()).run(lines, items).matches()).isEqualTo(expected);
        }
    }

    @Test
    void identical_candidates_are_split_one_to_one_never_matched_twice() {
        ReconciliationResult result = engine.run(
                List.of(line("b1", 10, "-5.00", "COFFEE"), line("b2", 10, "-5.00", "COFFEE"), line("b3", 10, "-5.00", "COFFEE")),
                List.of(item("e1", 10, "-5.00", "Coffee"), item("e2", 10, "-5.00", "Coffee")));

        assertThat(result.matches()).extracting(m -> m.bankLineId() + "=" + m.entryIds().get(0))
                .containsExactly("b1=e1", "b2=e2");
        assertThat(result.unmatchedLines()).extracting(BankLine::id).containsExactly("b3");
    }

    @Test
    void the_same_id_twice_is_refused_with_the_id_named() {
        assertThatThrownBy(() -> engine.run(List.of(line("b1", 10, "1.00", ""), line("b1", 11, "2.00", "")), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("b1 appear(s) more than once");
    }

    @Test
    void reasons_write_amounts_as_money_does() {
        for (String amount : new String[] {"0.00", "0.05", "-0.05", "-12.30", "1234567.89", "-1.00"}) {
            ai.bookkeeper.shared.Money money = Lines.usd(amount);
            assertThat(MatchingEngine.Reasons.format(money)).isEqualTo(money.toString());
        }
        ai.bookkeeper.shared.Money yen = ai.bookkeeper.shared.Money.of("-1500", ai.bookkeeper.shared.CurrencyCode.of("JPY"));
        assertThat(MatchingEngine.Reasons.format(yen)).isEqualTo(yen.toString());
    }
}

package ai.bookkeeper.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the engine over random books with many same-amount collisions. */
class MatchingEngineProperties {

    private static final String[] WORDS = {"POS DEBIT COFFEE 12", "Coffee", "STRIPE PAYOUT", "Sale", "ACH RENT", "Rent",
            "PARKING 0042", "Parking", ""};
    private static final LocalDate START = LocalDate.of(2026, 3, 1);

    record Row(boolean card, int day, int amount, int word) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(-6, 6).filter(a -> a != 0), Arbitraries.integers().between(0, WORDS.length - 1))
                .as(Row::new).list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void no_entry_and_no_bank_line_is_in_two_matches_and_every_match_adds_up(@ForAll("rows") List<Row> lineRows,
                                                                              @ForAll("rows") List<Row> itemRows) {
        List<BankLine> lines = lines(lineRows);
        List<LedgerItem> items = items(itemRows);
        ReconcileOptions options = ReconcileOptions.defaults();
        ReconciliationResult result = new MatchingEngine(options).run(lines, items);

        Map<String, BankLine> lineById = new HashMap<>();
        lines.forEach(l -> lineById.put(l.id(), l));
        Map<String, LedgerItem> itemById = new HashMap<>();
        items.forEach(i -> itemById.put(i.entryId(), i));
        Set<String> usedLines = new HashSet<>();
        Set<String> usedEntries = new HashSet<>();
        for (Match m : result.matches()) {
            assertThat(usedLines.add(m.bankLineId())).as("line %s matched twice", m.bankLineId()).isTrue();
            BankLine line = lineById.get(m.bankLineId());
            long sum = 0;
            for (String entry : m.entryIds()) {
                assertThat(usedEntries.add(entry)).as("entry %s matched twice", entry).isTrue();
                LedgerItem item = itemById.get(entry);
                assertThat(item.bankAccount()).isEqualTo(line.bankAccount());
                assertThat(Math.abs(item.date().toEpochDay() - line.date().toEpochDay()))
                        .isLessThanOrEqualTo(options.dateWindowDays());
                sum += item.amount().minorUnits();
            }
            assertThat(sum).as("amounts of %s", m).isEqualTo(line.amount().minorUnits());
            assertThat(m.kind() == MatchKind.MANY_TO_ONE).isEqualTo(m.entryIds().size() > 1);
        }
        assertThat(result.unmatchedLines().size() + usedLines.size()).isEqualTo(lines.size());
        assertThat(result.unmatchedItems().size() + usedEntries.size()).isEqualTo(items.size());

        Collections.shuffle(lines, new Random(lines.size()));
        Collections.shuffle(items, new Random(items.size()));
        assertThat(new MatchingEngine(options).run(lines, items)).as("same result in another input order")
                .isEqualTo(result);
    }

    @Property(tries = 200)
    void a_declined_pair_is_never_matched_nor_suggested_again(@ForAll("rows") List<Row> lineRows,
                                                               @ForAll("rows") List<Row> itemRows) {
        List<BankLine> lines = lines(lineRows);
        List<LedgerItem> items = items(itemRows);
        MatchingEngine engine = new MatchingEngine(ReconcileOptions.defaults());
        ReconciliationResult first = engine.run(lines, items);
        List<Declined.Pair> pairs = new ArrayList<>();
        first.matches().forEach(m -> m.entryIds().forEach(e -> pairs.add(new Declined.Pair(m.bankLineId(), e))));
        first.suggestions().forEach(s -> s.entryIds().forEach(e -> pairs.add(new Declined.Pair(s.bankLineId(), e))));

        ReconciliationResult again = engine.run(lines, items, Declined.of(pairs));

        Set<Declined.Pair> declined = new HashSet<>(pairs);
        again.matches().forEach(m -> m.entryIds().forEach(e ->
                assertThat(declined).as("declined pair matched again").doesNotContain(new Declined.Pair(m.bankLineId(), e))));
        again.suggestions().forEach(s -> s.entryIds().forEach(e ->
                assertThat(declined).as("declined pair suggested again").doesNotContain(new Declined.Pair(s.bankLineId(), e))));
        assertThat(engine.run(lines, items, Declined.of(List.of()))).isEqualTo(first);
    }

    private static List<BankLine> lines(List<Row> rows) {
        List<BankLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            lines.add(new BankLine("b" + i, account(r), START.plusDays(r.day()), money(r), WORDS[r.word()]));
        }
        return lines;
    }

    private static List<LedgerItem> items(List<Row> rows) {
        List<LedgerItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            items.add(new LedgerItem("e" + i, account(r), START.plusDays(r.day()), money(r), WORDS[r.word()]));
        }
        return items;
    }

    private static AccountId account(Row r) {
        return r.card() ? Lines.CARD : Lines.CHECKING;
    }

    private static Money money(Row r) {
        return Money.ofMinor(r.amount() * 1000L, CurrencyCode.USD);
    }
}

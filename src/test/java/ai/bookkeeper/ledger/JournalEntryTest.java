package ai.bookkeeper.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final CurrencyCode USD = CurrencyCode.USD;
    private static final AccountId BANK = AccountId.newId();
    private static final AccountId RENT = AccountId.newId();

    static JournalEntry entry(List<JournalLine> lines) {
        return new JournalEntry(JournalEntryId.newId(), CompanyId.newId(), LocalDate.of(2026, 3, 1), "Office chairs",
                null, EntryStatus.PROPOSED, EntrySource.MANUAL, USD, lines, null, 0);
    }

    @Test
    void an_unbalanced_entry_is_refused_with_both_totals_and_the_difference() {
        assertThatThrownBy(() -> entry(List.of(
                JournalLine.debit(RENT, Money.of("100.00", USD)),
                JournalLine.credit(BANK, Money.of("90.00", USD)))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessage("Journal entry 'Office chairs' dated 2026-03-01 does not balance: debits USD 100.00,"
                        + " credits USD 90.00, difference USD 10.00. Change or add a line so that debits equal credits.");
    }

    @Test
    void an_entry_needs_at_least_two_lines() {
        assertThatThrownBy(() -> entry(List.of(JournalLine.debit(RENT, Money.of("1.00", USD)))))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("has 1 line(s); an entry needs at least two lines");
    }

    @Test
    void a_line_in_another_currency_is_refused() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        assertThatThrownBy(() -> entry(List.of(JournalLine.debit(RENT, Money.of("1.00", eur)),
                JournalLine.credit(BANK, Money.of("1.00", eur)))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is in USD but a line is EUR 1.00");
    }

    @Test
    void a_zero_or_negative_line_is_refused() {
        assertThatThrownBy(() -> JournalLine.debit(RENT, Money.of("0.00", USD)))
                .hasMessageContaining("must be above zero");
        assertThatThrownBy(() -> JournalLine.debit(RENT, Money.of("-1.00", USD)))
                .hasMessageContaining("put a negative amount on the other side");
    }

    @Test
    void a_split_entry_balances_over_several_lines() {
        JournalEntry split = entry(List.of(
                JournalLine.debit(RENT, Money.of("60.00", USD)),
                JournalLine.debit(AccountId.newId(), Money.of("40.00", USD)),
                JournalLine.credit(BANK, Money.of("100.00", USD))));
        assertThat(split.total()).isEqualTo(Money.of("100.00", USD));
    }

    @Test
    void a_reversal_mirrors_every_line() {
        JournalLine line = JournalLine.debit(RENT, Money.of("5.00", USD));
        assertThat(line.reversed().side()).isEqualTo(Side.CREDIT);
        assertThat(line.reversed().reversed()).isEqualTo(line);
    }

    @Test
    void status_transitions_follow_the_workflow() {
        assertThat(EntryStatus.PROPOSED.canMoveTo(EntryStatus.APPROVED)).isTrue();
        assertThat(EntryStatus.PROPOSED.canMoveTo(EntryStatus.POSTED)).isFalse();
        assertThat(EntryStatus.APPROVED.canMoveTo(EntryStatus.POSTED)).isTrue();
        assertThat(EntryStatus.POSTED.canMoveTo(EntryStatus.REJECTED)).isFalse();
        assertThat(EntryStatus.REJECTED.canMoveTo(EntryStatus.APPROVED)).isFalse();
    }
}

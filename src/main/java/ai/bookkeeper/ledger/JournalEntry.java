package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A balanced journal entry. It can't be built unbalanced: the constructor refuses fewer than two lines, lines in
 * another currency than the entry's, and debits that differ from credits.
 *
 * @param memo       may be null; keeps the categorizer's rationale (tier, rule or model, confidence)
 * @param reversalOf the entry this one reverses; null unless {@code source} is REVERSAL
 * @param version    optimistic-locking counter, bumped by every change
 */
public record JournalEntry(JournalEntryId id, CompanyId companyId, LocalDate date, String description, String memo,
                           EntryStatus status, EntrySource source, CurrencyCode currency, List<JournalLine> lines,
                           JournalEntryId reversalOf, int version) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(companyId, "company");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(currency, "currency");
        description = description == null ? "" : description;
        if (description.length() > 500) {
            throw new InvalidInputException("entry.description.long", "A journal entry's description has at most 500"
                    + " characters; this one has " + description.length() + ". Shorten it, or put the rest in the memo.");
        }
        lines = List.copyOf(lines);
        String name = "'" + description + "' dated " + date;
        if (lines.size() < 2) {
            throw new UnbalancedEntryException("Journal entry " + name + " has " + lines.size()
                    + " line(s); an entry needs at least two lines, a debit and a credit.");
        }
        Money debits = Money.zero(currency);
        Money credits = Money.zero(currency);
        for (JournalLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                throw new InvalidInputException("entry.currency.mixed", "Journal entry " + name + " is in " + currency
                        + " but a line is " + line.amount() + "; book each currency in its own entry.");
            }
            if (line.side() == Side.DEBIT) {
                debits = debits.plus(line.amount());
            } else {
                credits = credits.plus(line.amount());
            }
        }
        if (!debits.equals(credits)) {
            throw UnbalancedEntryException.of(name, debits, credits);
        }
        if ((source == EntrySource.REVERSAL) != (reversalOf != null)) {
            throw new IllegalArgumentException("a reversal, and only a reversal, names the entry it reverses");
        }
    }

    /** The sum of the debits, which equals the sum of the credits. */
    public Money total() {
        return lines.stream().filter(l -> l.side() == Side.DEBIT).map(JournalLine::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    JournalEntry withStatus(EntryStatus next) {
        return new JournalEntry(id, companyId, date, description, memo, next, source, currency, lines, reversalOf, version + 1);
    }

    JournalEntry withLines(List<JournalLine> next, String nextMemo) {
        return new JournalEntry(id, companyId, date, description, nextMemo, status, source, currency, next, reversalOf, version + 1);
    }
}

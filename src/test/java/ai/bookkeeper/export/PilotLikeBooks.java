package ai.bookkeeper.export;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Four months of a small shop's books, booked through the ledger as the pipeline books them: opening balances
 * (POSTED), daily sales and card fees, rent, payroll, a split supplies bill, transfers to savings, a few entries
 * still PROPOSED and one REJECTED (both must stay out of an export), a posted entry and its reversal, and
 * descriptions with quotes, semicolons, line breaks, backslashes and accents.
 */
final class PilotLikeBooks {

    static final String PROPOSED_MARKER = "Awaiting review";
    static final String REJECTED_MARKER = "Rejected duplicate";

    private PilotLikeBooks() {
    }

    static void book(Ledger ledger, CompanyAccess access, long seed) {
        Random random = new Random(seed);
        CurrencyCode usd = CurrencyCode.USD;
        Account checking = account(ledger, access, "1000");
        Account savings = account(ledger, access, "1010");
        Account payable = account(ledger, access, "2000");
        Account equity = account(ledger, access, "3000");
        Account sales = account(ledger, access, "4000");
        Account cogs = account(ledger, access, "5000");
        Account payroll = account(ledger, access, "6000");
        Account rent = account(ledger, access, "6100");
        Account fees = account(ledger, access, "6400");
        Account supplies = account(ledger, access, "6500");
        Account repairs = account(ledger, access, "6600");

        LocalDate start = LocalDate.of(2024, 1, 1);
        Money opening = Money.of("25000.00", usd);
        ledger.book(access, new NewEntry(start, "Opening balances", null, EntrySource.OPENING,
                List.of(JournalLine.debit(checking.id(), opening), JournalLine.credit(equity.id(), opening))), EntryStatus.POSTED);

        List<Ledger.Booking> bookings = new ArrayList<>();
        for (int month = 0; month < 4; month++) {
            LocalDate first = start.plusMonths(month);
            for (int day = 0; day < first.lengthOfMonth(); day += 1 + random.nextInt(3)) {
                Money take = Money.ofMinor(20_000 + random.nextInt(180_000), usd);
                Money fee = Money.ofMinor(take.minorUnits() * 29 / 1000 + 30, usd);
                bookings.add(approved(first.plusDays(day), "SQUARE DEPOSIT #" + (1000 + day) + " \"card\" sales; net",
                        EntrySource.BANK, JournalLine.debit(checking.id(), take.minus(fee)),
                        JournalLine.debit(fees.id(), fee), JournalLine.credit(sales.id(), take)));
            }
            bookings.add(approved(first, "RENT - Main St. (lease\nline 2)", EntrySource.BANK,
                    JournalLine.debit(rent.id(), Money.of("3200.00", usd)), JournalLine.credit(checking.id(), Money.of("3200.00", usd))));
            Money wages = Money.ofMinor(900_000 + random.nextInt(100_000), usd);
            bookings.add(approved(first.plusDays(14), "GUSTO PAYROLL \\ café staff", EntrySource.BANK,
                    JournalLine.debit(payroll.id(), wages), JournalLine.credit(checking.id(), wages)));
            Money beans = Money.ofMinor(150_000 + random.nextInt(50_000), usd);
            bookings.add(approved(first.plusDays(5), "(bill) Roastery: beans", EntrySource.RECEIPT,
                    JournalLine.debit(cogs.id(), beans), JournalLine.credit(payable.id(), beans)));
            bookings.add(approved(first.plusDays(20), "Pay roastery bill", EntrySource.BANK,
                    JournalLine.debit(payable.id(), beans), JournalLine.credit(checking.id(), beans)));
            Money parts = Money.ofMinor(10_000 + random.nextInt(20_000), usd);
            Money fix = Money.ofMinor(5_000 + random.nextInt(20_000), usd);
            bookings.add(approved(first.plusDays(9), "HOME DEPOT split: cups & a hinge", EntrySource.BANK,
                    JournalLine.debit(supplies.id(), parts), JournalLine.debit(repairs.id(), fix),
                    JournalLine.credit(checking.id(), parts.plus(fix))));
            bookings.add(approved(first.plusDays(25), "Transfer to savings", EntrySource.BANK,
                    JournalLine.debit(savings.id(), Money.of("1000.00", usd)), JournalLine.credit(checking.id(), Money.of("1000.00", usd))));
            bookings.add(new Ledger.Booking(new NewEntry(first.plusDays(27), PROPOSED_MARKER + " " + month, null,
                    EntrySource.BANK, List.of(JournalLine.debit(supplies.id(), Money.of("77.77", usd)),
                    JournalLine.credit(checking.id(), Money.of("77.77", usd)))), EntryStatus.PROPOSED));
        }
        List<JournalEntry> booked = ledger.bookAll(access, bookings);

        JournalEntry duplicate = ledger.propose(access, NewEntry.manual(LocalDate.of(2024, 2, 2), REJECTED_MARKER,
                JournalLine.debit(rent.id(), Money.of("3200.00", usd)), JournalLine.credit(checking.id(), Money.of("3200.00", usd))));
        ledger.reject(access, duplicate.id(), duplicate.version());

        JournalEntry wrong = booked.stream().filter(e -> e.description().startsWith("HOME DEPOT")).findFirst().orElseThrow();
        JournalEntry posted = ledger.post(access, wrong.id(), wrong.version());
        ledger.reverse(access, posted.id(), LocalDate.of(2024, 4, 30), "booked to the wrong month");
        booked.stream().filter(e -> e.description().startsWith("RENT")).forEach(e -> ledger.post(access, e.id(), e.version()));
    }

    private static Ledger.Booking approved(LocalDate date, String description, EntrySource source, JournalLine... lines) {
        return new Ledger.Booking(new NewEntry(date, description, null, source, List.of(lines)), EntryStatus.APPROVED);
    }

    private static Account account(Ledger ledger, CompanyAccess access, String code) {
        return ledger.accountByCode(access, code).orElseThrow();
    }
}

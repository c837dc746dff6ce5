package ai.bookkeeper.reconcile;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.InvalidInputException;
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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class ReconcilerIntegrationTest extends DatabaseIntegrationTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Reconciler reconciler;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    CompanyAccess owner;
    Account bank;
    Account supplies;
    Account sales;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        sales = ledger.accountByCode(owner, "4000").orElseThrow();
    }

    /** Money out of the bank for supplies. */
    JournalEntry spend(int day, String amount, String description, EntrySource source, EntryStatus status) {
        Money money = Money.of(amount, CurrencyCode.USD);
        return ledger.book(owner, new NewEntry(LocalDate.of(2026, 4, day), description, null, source,
                List.of(JournalLine.debit(supplies.id(), money), JournalLine.credit(bank.id(), money))), status);
    }

    /** Money into the bank from a sale. */
    JournalEntry sale(int day, String amount) {
        Money money = Money.of(amount, CurrencyCode.USD);
        return ledger.book(owner, new NewEntry(LocalDate.of(2026, 4, day), "Card sale", null, EntrySource.BANK,
                List.of(JournalLine.debit(bank.id(), money), JournalLine.credit(sales.id(), money))), EntryStatus.APPROVED);
    }

    int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, Keys.bind(owner.companyId()));
    }

    boolean recorded(BankLine line) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_bank_line WHERE company_id = ? AND bank_line_id = ?",
                Integer.class, Keys.bind(owner.companyId()), line.id()) == 1;
    }

    BankLine line(int day, String amount, String description) {
        return new BankLine(UUID.randomUUID().toString(), bank.id(), LocalDate.of(2026, 4, day),
                Money.of(amount, CurrencyCode.USD), description);
    }

    @Test
    void reconciling_stores_exact_heuristic_and_many_to_one_matches_once_and_reports_the_rate() {
        JournalEntry staples = spend(3, "42.10", "Staples", EntrySource.RECEIPT, EntryStatus.APPROVED);
        JournalEntry adobe = spend(10, "19.99", "Adobe Creative Cloud", EntrySource.MANUAL, EntryStatus.PROPOSED);
        JournalEntry s1 = sale(14, "40.00");
        JournalEntry s2 = sale(15, "60.00");
        BankLine exact = line(3, "-42.10", "POS DEBIT STAPLES #1182 04/03");
        BankLine heuristic = line(12, "-19.99", "ACH DEBIT ADOBE *CREATIVE CLD");
        BankLine payout = line(16, "100.00", "STRIPE TRANSFER");
        BankLine orphan = line(20, "-7.00", "ATM FEE");
        List<BankLine> statement = List.of(exact, heuristic, payout, orphan);

        ReconciliationResult result = reconciler.reconcile(owner, statement, ReconcileOptions.defaults());

        assertThat(result.matches()).extracting(Match::kind)
                .containsExactly(MatchKind.EXACT, MatchKind.HEURISTIC, MatchKind.MANY_TO_ONE);
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).containsExactlyElementsOf(result.matches());
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30).get(2).entryIds())
                .containsExactlyInAnyOrder(s1.id().toString(), s2.id().toString());
        assertThat(result.matches().get(0).entryIds()).containsExactly(staples.id().toString());
        assertThat(result.matches().get(1).entryIds()).containsExactly(adobe.id().toString());
        assertThat(result.unmatchedLines()).containsExactly(orphan);

        ReconciliationResult again = reconciler.reconcile(owner, statement, ReconcileOptions.defaults());
        assertThat(again.matches()).isEmpty();
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).hasSize(3);
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("0.75");
        assertThat(reconciler.rate(owner, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))).isEqualByComparingTo("1");
    }

    @Test
    void the_database_refuses_to_match_an_entry_twice_across_a_lines_own_match_and_several_entry_matches() {
        String first = spend(3, "10.00", "Coffee", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        String second = spend(3, "10.00", "Coffee", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        String third = spend(3, "5.00", "Tea", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        String fourth = spend(3, "5.00", "Tea", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        insertLine("line-a", first, "EXACT");

        // SQLite's driver reports constraint failures without an SQL state, so Spring can't classify them further
        assertThatThrownBy(() -> insertLine("line-b", first, "EXACT"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique");
        // a line's own match is of one entry; several entries are rows of reconciliation_match, and only those
        assertThatThrownBy(() -> insertLine("line-b", second, "MANY_TO_ONE"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("check constraint");
        assertThatThrownBy(() -> insertRow("line-b", "line-b", second, "EXACT"))
                .isInstanceOf(DataAccessException.class).message().containsAnyOf("two entries or more",
                        "ck_reconciliation_several_entries");
        // an entry or a line that a line's own match holds can't join a several-entry match
        insertLine("line-c", null, null);
        assertThatThrownBy(() -> insertRow("line-c", null, first, "MANY_TO_ONE"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint");
        assertThatThrownBy(() -> insertRow("line-a", null, third, "MANY_TO_ONE"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint");
        insertRow("line-c", null, third, "MANY_TO_ONE");
        insertRow("line-c", null, fourth, "MANY_TO_ONE");
        // nor can a line's match, set later, name an entry or a line of a several-entry match
        insertLine("line-d", null, null);
        assertThatThrownBy(() -> setLineMatch("line-d", third))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint");
        assertThatThrownBy(() -> setLineMatch("line-c", second))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint");
        setLineMatch("line-d", second);
        // nor can a several-entry match's row be moved onto a line that has a match of its own
        assertThatThrownBy(() -> jdbc.update("UPDATE reconciliation_match SET bank_line_id = 'line-a'"
                + " WHERE company_id = ? AND bank_line_id = 'line-c'", Keys.bind(owner.companyId())))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint");

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).extracting(Match::bankLineId, Match::entryIds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("line-a", List.of(first)),
                        org.assertj.core.groups.Tuple.tuple("line-c", List.of(third, fourth).stream().sorted().toList()),
                        org.assertj.core.groups.Tuple.tuple("line-d", List.of(second)));
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("1");
    }

    @Test
    void a_line_inserted_with_a_match_of_an_entry_or_a_line_of_a_several_entry_match_is_refused_too() {
        String third = spend(3, "5.00", "Tea", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        String fourth = spend(3, "5.00", "Tea", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        insertLine("line-c", null, null);
        insertRow("line-c", null, third, "MANY_TO_ONE");
        insertRow("line-c", null, fourth, "MANY_TO_ONE");
        String fifth = spend(3, "1.00", "Gum", EntrySource.MANUAL, EntryStatus.APPROVED).id().toString();
        assertThatThrownBy(() -> insertLine("line-e", third, "EXACT"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint")
                .containsAnyOf("uq_reconciliation_entry", "reconciliation_match.entry_id");
        // the line of a several-entry match, inserted again elsewhere is impossible (its key); here: a line whose id
        // already has several-entry rows without being recorded, as only a hand-written row could leave it
        jdbc.update("DELETE FROM reconcile_bank_line WHERE company_id = ? AND bank_line_id = 'line-c'",
                Keys.bind(owner.companyId()));
        assertThatThrownBy(() -> insertLine("line-c", fifth, "EXACT"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("unique constraint")
                .containsAnyOf("uq_reconciliation_sole_line", "reconciliation_match.bank_line_id");
        assertThatThrownBy(() -> insertLine("line-e", UUID.randomUUID().toString(), "EXACT"))
                .isInstanceOf(DataAccessException.class).message().containsIgnoringCase("foreign key");
    }

    private void insertRow(String line, String soleLine, String entry, String kind) {
        jdbc.update("INSERT INTO reconciliation_match (company_id, id, bank_line_id, sole_line_id, entry_id, kind,"
                        + " score_bp, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, 10000, 'test', '2026-04-03T00:00:00.000000Z')",
                Keys.bind(owner.companyId()), Keys.bind(UUID.randomUUID()), line, soleLine, Keys.bindText(entry), kind);
    }

    private void insertLine(String line, String entry, String kind) {
        jdbc.update("INSERT INTO reconcile_bank_line (company_id, bank_line_id, account_id, line_date, amount_minor,"
                        + " currency, description, recorded_at, match_entry_id, match_kind, match_score_bp, match_reason,"
                        + " matched_at) VALUES (?, ?, ?, '2026-04-03', -1000, 'USD', 'test', '2026-04-03T00:00:00.000000Z',"
                        + " ?, ?, ?, ?, ?)",
                Keys.bind(owner.companyId()), line, Keys.bind(bank.id()), Keys.bindText(entry), kind,
                entry == null ? null : 10_000, entry == null ? null : "test",
                entry == null ? null : "2026-04-03T00:00:00.000000Z");
    }

    private void setLineMatch(String line, String entry) {
        jdbc.update("UPDATE reconcile_bank_line SET match_entry_id = ?, match_kind = 'MANUAL', match_score_bp = 10000,"
                        + " match_reason = 'test', matched_at = '2026-04-03T00:00:00.000000Z'"
                        + " WHERE company_id = ? AND bank_line_id = ?",
                Keys.bindText(entry), Keys.bind(owner.companyId()), line);
    }

    @Test
    void match_before_create_finds_an_entry_booked_from_a_receipt_but_not_one_booked_from_another_bank_line() {
        JournalEntry fromReceipt = spend(5, "88.00", "Home Depot", EntrySource.RECEIPT, EntryStatus.PROPOSED);
        JournalEntry fromBank = spend(6, "12.00", "Parking", EntrySource.BANK, EntryStatus.APPROVED);

        Match match = reconciler.matchBeforeCreate(owner, line(6, "-88.00", "THE HOME DEPOT #4410")).orElseThrow();
        assertThat(match.entryIds()).containsExactly(fromReceipt.id().toString());
        assertThat(match.kind()).isEqualTo(MatchKind.HEURISTIC);

        BankLine parking = line(6, "-12.00", "CITY PARKING");
        int auditEvents = count("SELECT COUNT(*) FROM audit_event WHERE company_id = ?");
        assertThat(reconciler.matchBeforeCreate(owner, parking)).isEmpty();
        // a look that finds nothing writes nothing (no write transaction): the line is recorded when it is linked
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE company_id = ?")).isEqualTo(auditEvents);
        assertThat(recorded(parking)).isFalse();
        JournalEntry booked = spend(6, "12.00", "City parking", EntrySource.BANK, EntryStatus.PROPOSED);
        Match created = reconciler.linkCreated(owner, parking, booked.id());
        assertThat(created.kind()).isEqualTo(MatchKind.EXACT);
        assertThat(recorded(parking)).isTrue();
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).entries()).extracting(LedgerItem::entryId)
                .containsExactly(fromBank.id().toString());
    }

    @Test
    void linking_skips_entries_rejected_reversed_or_matched_since_their_booking_and_leaves_their_lines_unmatched() {
        JournalEntry rejected = spend(3, "10.00", "Coffee", EntrySource.BANK, EntryStatus.PROPOSED);
        JournalEntry reversed = spend(4, "20.00", "Taxi", EntrySource.BANK, EntryStatus.POSTED);
        JournalEntry matched = spend(5, "7.00", "Parking", EntrySource.BANK, EntryStatus.APPROVED);
        JournalEntry live = spend(5, "30.00", "Lunch", EntrySource.BANK, EntryStatus.PROPOSED);
        BankLine coffee = line(3, "-10.00", "COFFEE");
        BankLine taxi = line(4, "-20.00", "TAXI");
        BankLine parking = line(5, "-7.00", "PARKING");
        BankLine parkingAgain = line(5, "-7.00", "PARKING");
        BankLine lunch = line(5, "-30.00", "LUNCH");
        BankLine refund = line(6, "20.00", "TAXI REFUND");
        reconciler.linkCreated(owner, parking, matched.id());
        // a reviewer decides between the booking and the linking, as when a caller runs them in two transactions
        ledger.reject(owner, rejected.id(), rejected.version());
        JournalEntry reversal = ledger.reverse(owner, reversed.id(), LocalDate.of(2026, 4, 6), "booked twice");

        List<Match> linked = reconciler.linkCreated(owner, List.of(new Reconciler.Booked(coffee, rejected.id()),
                new Reconciler.Booked(taxi, reversed.id()), new Reconciler.Booked(refund, reversal.id()),
                new Reconciler.Booked(parkingAgain, matched.id()), new Reconciler.Booked(lunch, live.id())));

        assertThat(linked).singleElement().satisfies(m -> {
            assertThat(m.bankLineId()).isEqualTo(lunch.id());
            assertThat(m.entryIds()).containsExactly(live.id().toString());
        });
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).extracting(Match::bankLineId)
                .containsExactlyInAnyOrder(parking.id(), lunch.id());
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines())
                .containsExactlyInAnyOrder(coffee, taxi, parkingAgain, refund);
    }

    @Test
    void linking_in_the_booking_transaction_still_skips_entries_that_transaction_matched_or_rejected_first() {
        BankLine early = line(12, "-12.00", "EARLY");
        BankLine late = line(12, "-12.00", "LATE");
        BankLine lunch = line(13, "-30.00", "LUNCH");
        BankLine snack = line(14, "-5.00", "SNACK");
        BankLine coffee = line(15, "-4.00", "COFFEE");
        List<Match> linked = new java.util.ArrayList<>(transactions.execute(status -> {
            JournalEntry parking = spend(12, "12.00", "Parking", EntrySource.RECEIPT, EntryStatus.PROPOSED);
            JournalEntry meal = spend(13, "30.00", "Lunch", EntrySource.BANK, EntryStatus.PROPOSED);
            // the same transaction matches one of its new entries before linking: the linking must see that
            assertThat(reconciler.reconcile(owner, List.of(early), ReconcileOptions.defaults()).matches()).hasSize(1);
            return reconciler.linkCreated(owner, List.of(new Reconciler.Booked(late, parking.id()),
                    new Reconciler.Booked(lunch, meal.id())));
        }));
        linked.addAll(transactions.execute(status -> {
            // another transaction rejects one of its new entries: the ledger forgets what it booked, so the linking
            // looks the entry up again
            JournalEntry snacks = spend(14, "5.00", "Snack", EntrySource.BANK, EntryStatus.PROPOSED);
            JournalEntry coffees = spend(15, "4.00", "Coffee", EntrySource.BANK, EntryStatus.PROPOSED);
            ledger.reject(owner, snacks.id(), snacks.version());
            return reconciler.linkCreated(owner, List.of(new Reconciler.Booked(snack, snacks.id()),
                    new Reconciler.Booked(coffee, coffees.id())));
        }));

        assertThat(linked).extracting(Match::bankLineId).containsExactly(lunch.id(), coffee.id());
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).extracting(Match::bankLineId)
                .containsExactlyInAnyOrder(early.id(), lunch.id(), coffee.id());
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines()).containsExactlyInAnyOrder(late, snack);
    }

    @Test
    void linking_matches_a_recorded_unmatched_line_a_line_named_twice_to_its_free_entry_and_skips_a_line_of_a_several_entry_match() {
        JournalEntry s1 = sale(14, "40.00");
        JournalEntry s2 = sale(15, "60.00");
        BankLine payout = line(16, "100.00", "STRIPE TRANSFER");
        BankLine unknown = line(9, "-33.33", "UNKNOWN MERCHANT");
        // recorded by a reconciliation: the payout with a many-to-one match, the unknown line with none
        reconciler.reconcile(owner, List.of(payout, unknown), ReconcileOptions.defaults());
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).singleElement()
                .extracting(Match::kind).isEqualTo(MatchKind.MANY_TO_ONE);
        JournalEntry forUnknown = spend(9, "33.33", "Unknown merchant", EntrySource.BANK, EntryStatus.PROPOSED);
        JournalEntry rejected = spend(10, "5.00", "Snack", EntrySource.BANK, EntryStatus.PROPOSED);
        JournalEntry rebooked = spend(10, "5.00", "Snack", EntrySource.BANK, EntryStatus.PROPOSED);
        JournalEntry other = spend(16, "100.00", "Other", EntrySource.BANK, EntryStatus.PROPOSED);
        ledger.reject(owner, rejected.id(), rejected.version());
        BankLine snack = line(10, "-5.00", "SNACK");

        List<Match> linked = reconciler.linkCreated(owner, List.of(new Reconciler.Booked(unknown, forUnknown.id()),
                new Reconciler.Booked(snack, rejected.id()), new Reconciler.Booked(snack, rebooked.id()),
                new Reconciler.Booked(payout, other.id())));

        assertThat(linked).extracting(Match::bankLineId, m -> m.entryIds().get(0)).containsExactly(
                org.assertj.core.groups.Tuple.tuple(unknown.id(), forUnknown.id().toString()),
                org.assertj.core.groups.Tuple.tuple(snack.id(), rebooked.id().toString()));
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).extracting(Match::bankLineId, Match::entryIds)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(unknown.id(), List.of(forUnknown.id().toString())),
                        org.assertj.core.groups.Tuple.tuple(snack.id(), List.of(rebooked.id().toString())),
                        org.assertj.core.groups.Tuple.tuple(payout.id(), java.util.stream.Stream.of(s1, s2)
                                .map(e -> e.id().toString()).sorted().toList()));
        assertThat(recorded(snack)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM reconcile_bank_line WHERE company_id = ?")).isEqualTo(3);
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("1");
        // the many-to-one match is still whole and still the payout's, by its own rows
        reconciler.unmatch(owner, payout.id(), "checking");
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines()).containsExactly(payout);
    }

    @Test
    void orphans_are_bank_lines_without_an_entry_and_entries_without_a_bank_line() {
        JournalEntry unseen = spend(8, "250.00", "Insurance premium", EntrySource.MANUAL, EntryStatus.APPROVED);
        spend(9, "15.00", "Rejected", EntrySource.MANUAL, EntryStatus.PROPOSED);
        JournalEntry rejected = ledger.entries(owner, ai.bookkeeper.ledger.EntryFilter.all()).stream()
                .filter(e -> e.description().equals("Rejected")).findFirst().orElseThrow();
        ledger.reject(owner, rejected.id(), rejected.version());
        BankLine unknown = line(9, "-33.33", "UNKNOWN MERCHANT");

        reconciler.reconcile(owner, List.of(unknown), ReconcileOptions.defaults());
        Orphans orphans = reconciler.orphans(owner, APRIL_1, APRIL_30);

        assertThat(orphans.bankLines()).containsExactly(unknown);
        assertThat(orphans.entries()).singleElement().satisfies(e -> {
            assertThat(e.entryId()).isEqualTo(unseen.id().toString());
            assertThat(e.amount()).isEqualTo(Money.of("-250.00", CurrencyCode.USD));
        });
    }

    @Test
    void the_balance_check_compares_a_statement_balance_with_booked_entries_up_to_its_date() {
        sale(1, "1000.00");
        spend(2, "200.00", "Approved", EntrySource.MANUAL, EntryStatus.APPROVED);
        spend(3, "50.00", "Proposed, not booked yet", EntrySource.MANUAL, EntryStatus.PROPOSED);
        spend(20, "75.00", "After the statement", EntrySource.MANUAL, EntryStatus.APPROVED);

        List<BalanceCheck> checks = reconciler.balanceChecks(owner, List.of(
                new StatementBalance(bank.id(), LocalDate.of(2026, 4, 10), Money.of("750.00", CurrencyCode.USD))));

        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.ledgerBalance()).isEqualTo(Money.of("800.00", CurrencyCode.USD));
            assertThat(c.difference()).isEqualTo(Money.of("-50.00", CurrencyCode.USD));
            assertThat(c.agrees()).isFalse();
        });
        assertThatThrownBy(() -> reconciler.balanceChecks(owner, List.of(new StatementBalance(supplies.id(),
                APRIL_30, Money.of("0.00", CurrencyCode.USD))))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a bank account");
    }

    @Test
    void a_manual_match_and_an_unmatch_are_audited_and_a_match_whose_amounts_differ_is_refused() {
        JournalEntry rent = spend(1, "1200.00", "Rent April", EntrySource.MANUAL, EntryStatus.APPROVED);
        JournalEntry fee = spend(1, "2.50", "Wire fee", EntrySource.MANUAL, EntryStatus.APPROVED);
        BankLine wire = line(12, "-1202.50", "WIRE OUT 99812"); // outside the date window: only a person matches it
        ReconciliationResult result = reconciler.reconcile(owner, List.of(wire), ReconcileOptions.defaults());
        assertThat(result.matches()).isEmpty();

        assertThatThrownBy(() -> reconciler.manualMatch(owner, wire.id(), List.of(rent.id()), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("difference USD -2.50");
        Match match = reconciler.manualMatch(owner, wire.id(), List.of(rent.id(), fee.id()), "rent plus wire fee");
        assertThat(match.kind()).isEqualTo(MatchKind.MANUAL);
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> reconciler.manualMatch(owner, wire.id(), List.of(rent.id()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("unmatch it first");

        reconciler.unmatch(owner, wire.id(), "wrong month");
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(audit.eventsFor(owner, "bank_line", wire.id())).extracting(AuditTrail.Event::action)
                .containsExactly("reconcile.matched", "reconcile.unmatched");
        assertThat(audit.eventsFor(owner, "bank_line", wire.id()).get(1).detail())
                .contains("was MANUAL").contains(rent.id().toString()).contains("wrong month");
        assertThatThrownBy(() -> reconciler.unmatch(owner, wire.id(), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_entry_matched_to_one_line_is_refused_for_another() {
        JournalEntry entry = spend(4, "30.00", "Lunch", EntrySource.MANUAL, EntryStatus.APPROVED);
        // equal candidates: the tie goes to the bank line whose id sorts first
        BankLine first = new BankLine("line-1", bank.id(), LocalDate.of(2026, 4, 4), Money.of("-30.00", CurrencyCode.USD), "LUNCH");
        BankLine second = new BankLine("line-2", bank.id(), LocalDate.of(2026, 4, 4), Money.of("-30.00", CurrencyCode.USD), "LUNCH");
        reconciler.reconcile(owner, List.of(first, second), ReconcileOptions.defaults());

        assertThatThrownBy(() -> reconciler.manualMatch(owner, second.id(), List.of(entry.id()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("matched to bank line " + first.id());
    }

    @Test
    void a_receipt_is_attached_to_the_entry_that_paid_it() {
        JournalEntry paid = spend(7, "64.20", "Office Depot", EntrySource.BANK, EntryStatus.APPROVED);
        spend(7, "64.20", "Shell", EntrySource.BANK, EntryStatus.APPROVED);
        BankLine line = line(7, "-64.20", "POS OFFICE DEPOT 221");
        reconciler.linkCreated(owner, line, paid.id());

        List<ReceiptMatch> links = reconciler.receiptMatches(owner,
                List.of(new ReceiptDoc("receipt-1", "Office Depot Inc.", LocalDate.of(2026, 4, 6), Money.of("64.20", CurrencyCode.USD))),
                ReconcileOptions.defaults());

        assertThat(links).singleElement().satisfies(l -> {
            assertThat(l.entryId()).isEqualTo(paid.id().toString());
            assertThat(l.bankLineId()).isEqualTo(line.id());
        });
        assertThat(reconciler.documents(owner, paid.id())).extracting(ReceiptMatch::documentId).containsExactly("receipt-1");
        assertThat(reconciler.receiptMatches(owner, List.of(new ReceiptDoc("receipt-1", "Office Depot",
                LocalDate.of(2026, 4, 6), Money.of("64.20", CurrencyCode.USD))), ReconcileOptions.defaults())).isEmpty();
    }

    @Test
    void rejecting_an_entry_releases_its_bank_line_and_receipt_so_the_line_is_unreconciled_again() {
        JournalEntry guess = spend(7, "64.20", "Office Depot", EntrySource.BANK, EntryStatus.PROPOSED);
        BankLine line = bookedFrom(guess, "64.20", "POS OFFICE DEPOT 221", "receipt-1", "Office Depot Inc.");
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("1");
        assertThat(reconciler.documents(owner, guess.id())).hasSize(1);

        ledger.reject(owner, guess.id(), guess.version());

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(reconciler.rate(owner, APRIL_1, APRIL_30)).isEqualByComparingTo("0");
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines()).containsExactly(line);
        assertThat(reconciler.documents(owner, guess.id())).isEmpty();
        assertThat(reconciler.linkedDocuments(owner, List.of("receipt-1"))).isEmpty();
        assertThat(audit.eventsFor(owner, "bank_line", line.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("reconcile.unmatched");
            assertThat(e.detail()).contains("was EXACT").contains(guess.id() + " was rejected");
        });

        JournalEntry right = spend(7, "64.20", "Office Depot, supplies", EntrySource.MANUAL, EntryStatus.APPROVED);
        assertThat(reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()).matches())
                .singleElement().satisfies(m -> assertThat(m.entryIds()).containsExactly(right.id().toString()));
    }

    @Test
    void reversing_a_posted_entry_releases_the_whole_match_it_was_part_of() {
        JournalEntry s1 = sale(14, "40.00");
        JournalEntry s2 = sale(15, "60.00");
        BankLine payout = line(16, "100.00", "STRIPE TRANSFER");
        assertThat(reconciler.reconcile(owner, List.of(payout), ReconcileOptions.defaults()).matches())
                .singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo(MatchKind.MANY_TO_ONE));
        JournalEntry posted = ledger.post(owner, s1.id(), s1.version());

        JournalEntry reversal = ledger.reverse(owner, posted.id(), LocalDate.of(2026, 4, 20), "double counted");

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).bankLines()).containsExactly(payout);
        assertThat(reconciler.orphans(owner, APRIL_1, APRIL_30).entries()).extracting(LedgerItem::entryId)
                .containsExactly(s2.id().toString());
        assertThat(audit.eventsFor(owner, "bank_line", payout.id())).last().satisfies(e -> assertThat(e.detail())
                .contains("was MANY_TO_ONE").contains(s2.id().toString()).contains("reversed by " + reversal.id()));
        assertThatThrownBy(() -> reconciler.manualMatch(owner, payout.id(), List.of(posted.id(), s2.id()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("has been reversed");
        BankLine refund = line(20, "40.00", "REVERSAL");
        reconciler.reconcile(owner, List.of(refund), ReconcileOptions.defaults());
        assertThatThrownBy(() -> reconciler.manualMatch(owner, refund.id(), List.of(reversal.id()), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is a reversal");
    }

    @Test
    void an_unmatched_pair_stays_apart_in_later_runs_but_a_person_can_still_match_it() {
        JournalEntry staples = spend(3, "42.10", "Staples", EntrySource.RECEIPT, EntryStatus.APPROVED);
        BankLine line = line(3, "-42.10", "POS DEBIT STAPLES #1182 04/03");
        assertThat(reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()).matches()).hasSize(1);

        reconciler.unmatch(owner, line.id(), "that receipt was a different purchase");

        assertThat(reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()).matches()).isEmpty();
        assertThat(reconciler.suggestions(owner, APRIL_1, APRIL_30, ReconcileOptions.defaults())).isEmpty();
        JournalEntry right = spend(4, "42.10", "Staples, paper", EntrySource.MANUAL, EntryStatus.APPROVED);
        assertThat(reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()).matches())
                .singleElement().satisfies(m -> assertThat(m.entryIds()).containsExactly(right.id().toString()));

        reconciler.unmatch(owner, line.id(), null);
        Match byHand = reconciler.manualMatch(owner, line.id(), List.of(staples.id()), "it was this one after all");
        assertThat(byHand.entryIds()).containsExactly(staples.id().toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_declined WHERE company_id = ? AND entry_id = ?",
                Integer.class, Keys.bind(owner.companyId()), Keys.bind(staples.id()))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_declined WHERE company_id = ? AND entry_id = ?",
                Integer.class, Keys.bind(owner.companyId()), Keys.bind(right.id()))).isOne();
    }

    @Test
    void a_changed_category_keeps_the_match_but_a_changed_bank_side_releases_it() {
        Account savings = ledger.accountByCode(owner, "1010").orElseThrow();
        JournalEntry lunch = spend(7, "30.00", "Lunch", EntrySource.MANUAL, EntryStatus.APPROVED);
        BankLine line = line(7, "-30.00", "LUNCH DELI");
        assertThat(reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults()).matches()).hasSize(1);

        ledger.changeAccount(owner, lunch.id(), ledger.entry(owner, lunch.id()).version(), supplies.id(), sales.id(), "not supplies");
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).hasSize(1);

        ledger.changeAccount(owner, lunch.id(), ledger.entry(owner, lunch.id()).version(), bank.id(), savings.id(), "paid from savings");

        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty();
        assertThat(audit.eventsFor(owner, "bank_line", line.id())).last().satisfies(e -> assertThat(e.detail())
                .contains("was EXACT").contains(lunch.id() + " was changed").contains("no longer adds up"));
    }

    @Test
    void a_rejection_rolled_back_keeps_the_match_and_the_receipt() {
        JournalEntry guess = spend(7, "12.00", "Parking", EntrySource.BANK, EntryStatus.PROPOSED);
        BankLine line = bookedFrom(guess, "12.00", "PARKING GARAGE", "receipt-p", "Parking Garage");

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            ledger.reject(owner, guess.id(), guess.version());
            assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).isEmpty(); // released inside the transaction
            throw new IllegalStateException("the review decision failed after the rejection");
        })).hasMessageContaining("review decision failed");

        assertThat(ledger.entry(owner, guess.id()).status()).isEqualTo(EntryStatus.PROPOSED);
        assertThat(reconciler.matches(owner, APRIL_1, APRIL_30)).singleElement()
                .satisfies(m -> assertThat(m.entryIds()).containsExactly(guess.id().toString()));
        assertThat(reconciler.documents(owner, guess.id())).extracting(ReceiptMatch::documentId).containsExactly("receipt-p");
    }

    @Test
    void rejecting_an_entry_forgets_the_lines_it_was_unmatched_from() {
        JournalEntry guess = spend(3, "42.10", "Staples", EntrySource.MANUAL, EntryStatus.PROPOSED);
        BankLine line = line(3, "-42.10", "POS DEBIT STAPLES");
        reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults());
        reconciler.unmatch(owner, line.id(), "not this one");
        assertThat(declinedRowsOf(guess)).isOne();

        ledger.reject(owner, guess.id(), guess.version());

        assertThat(declinedRowsOf(guess)).isZero();
    }

    /** A bank line paying {@code amount} on the entry's date, linked as booked from it, and a receipt attached to it. */
    private BankLine bookedFrom(JournalEntry entry, String amount, String description, String receiptId, String vendor) {
        Money paid = Money.of(amount, CurrencyCode.USD);
        BankLine line = new BankLine(UUID.randomUUID().toString(), bank.id(), entry.date(), paid.negate(), description);
        reconciler.linkCreated(owner, line, entry.id());
        reconciler.receiptMatches(owner, List.of(new ReceiptDoc(receiptId, vendor, entry.date(), paid)),
                ReconcileOptions.defaults());
        return line;
    }

    private int declinedRowsOf(JournalEntry entry) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_declined WHERE company_id = ? AND entry_id = ?",
                Integer.class, Keys.bind(owner.companyId()), Keys.bind(entry.id()));
    }

    @Test
    void another_company_sees_none_of_the_matches_and_a_viewer_cannot_reconcile() {
        spend(3, "42.10", "Staples", EntrySource.MANUAL, EntryStatus.APPROVED);
        BankLine line = line(3, "-42.10", "STAPLES");
        reconciler.reconcile(owner, List.of(line), ReconcileOptions.defaults());
        CompanyAccess stranger = Fixtures.company(tenancy, BusinessType.RETAIL);

        assertThat(reconciler.matches(stranger, APRIL_1, APRIL_30)).isEmpty();
        assertThat(reconciler.rate(stranger, APRIL_1, APRIL_30)).isEqualByComparingTo("1");
        assertThatThrownBy(() -> reconciler.unmatch(stranger, line.id(), null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reconciler.reconcile(stranger, List.of(line(3, "-1.00", "X")), ReconcileOptions.defaults()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("not a bank account of this company");
        CompanyAccess viewer = Fixtures.member(tenancy, owner, Role.VIEWER);
        assertThatThrownBy(() -> reconciler.reconcile(viewer, List.of(line), ReconcileOptions.defaults()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(reconciler.matches(viewer, APRIL_1, APRIL_30)).hasSize(1);
    }

    @Test
    void suggestions_offer_near_candidates_for_lines_left_open() {
        JournalEntry cleaning = spend(10, "75.00", "Window cleaning", EntrySource.MANUAL, EntryStatus.APPROVED);
        BankLine check = line(11, "-75.00", "CHECK 1043");
        ReconciliationResult result = reconciler.reconcile(owner, List.of(check), ReconcileOptions.defaults());
        assertThat(result.matches()).isEmpty();

        assertThat(reconciler.suggestions(owner, APRIL_1, APRIL_30, ReconcileOptions.defaults())).singleElement()
                .satisfies(s -> {
                    assertThat(s.bankLineId()).isEqualTo(check.id());
                    assertThat(s.entryIds()).containsExactly(cleaning.id().toString());
                    assertThat(s.score()).isLessThan(new BigDecimal("0.85"));
                });
    }
}

package ai.bookkeeper.ledger;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class LedgerIntegrationTest extends DatabaseIntegrationTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired AuditTrail audit;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    CompanyAccess owner;
    Account bank;
    Account rent;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        bank = ledger.accountByCode(owner, "1000").orElseThrow();
        rent = ledger.accountByCode(owner, "6100").orElseThrow();
    }

    JournalEntry proposeRent(String amount, LocalDate date) {
        Money money = Money.of(amount, CurrencyCode.USD);
        return ledger.propose(owner, NewEntry.manual(date, "March rent",
                JournalLine.debit(rent.id(), money), JournalLine.credit(bank.id(), money)));
    }

    /** An entry of three lines, which the ledger keeps in journal_line (a two-line entry is kept in its own row). */
    JournalEntry proposeSplit(String amount, LocalDate date) {
        Money money = Money.of(amount, CurrencyCode.USD);
        Money part = Money.of("1.00", CurrencyCode.USD);
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        return ledger.propose(owner, new NewEntry(date, "March rent and keys", null, EntrySource.MANUAL,
                List.of(JournalLine.debit(rent.id(), money.minus(part)), JournalLine.debit(supplies.id(), part),
                        JournalLine.credit(bank.id(), money))));
    }

    @Test
    void entries_booked_in_a_transaction_are_known_as_untouched_until_another_ledger_change_and_only_inside_it() {
        JournalEntry before = proposeRent("10.00", MARCH_1);
        List<JournalEntryId> inside = new java.util.ArrayList<>();
        List<JournalEntryId> afterApproval = new java.util.ArrayList<>();
        transactions.executeWithoutResult(status -> {
            Money money = Money.of("20.00", CurrencyCode.USD);
            List<JournalEntry> booked = ledger.bookAll(owner, List.of(new Ledger.Booking(NewEntry.manual(MARCH_1, "A",
                    JournalLine.debit(rent.id(), money), JournalLine.credit(bank.id(), money)), EntryStatus.PROPOSED),
                    new Ledger.Booking(NewEntry.manual(MARCH_1, "B", JournalLine.debit(rent.id(), money),
                            JournalLine.credit(bank.id(), money)), EntryStatus.APPROVED)));
            JournalEntry single = proposeRent("30.00", MARCH_1);
            List<JournalEntryId> asked = List.of(booked.get(0).id(), booked.get(1).id(), single.id(), before.id());
            inside.addAll(ledger.bookedInThisTransaction(asked));
            ledger.approve(owner, booked.get(0).id(), booked.get(0).version());
            afterApproval.addAll(ledger.bookedInThisTransaction(asked));
        });

        assertThat(inside).hasSize(3).doesNotContain(before.id());
        assertThat(afterApproval).isEmpty();
        List<JournalEntry> all = ledger.entries(owner, EntryFilter.all());
        assertThat(all).hasSize(4);
        // outside a transaction, and in a later one, nothing counts as booked in it
        assertThat(ledger.bookedInThisTransaction(all.stream().map(JournalEntry::id).toList())).isEmpty();
        Set<JournalEntryId> later = transactions.execute(status -> ledger.bookedInThisTransaction(
                all.stream().map(JournalEntry::id).toList()));
        assertThat(later).isEmpty();
    }

    @Test
    void every_other_ledger_change_in_the_transaction_forgets_the_entries_it_booked() {
        JournalEntry toReject = proposeRent("1.00", MARCH_1);
        JournalEntry toPost = ledger.approve(owner, proposeRent("2.00", MARCH_1).id(), 0);
        JournalEntry toChange = proposeRent("3.00", MARCH_1);
        JournalEntry toReverse = ledger.post(owner, toPost.id(), toPost.version());
        JournalEntry toPostNow = ledger.approve(owner, proposeRent("4.00", MARCH_1).id(), 0);
        Money five = Money.of("5.00", CurrencyCode.USD);
        List<java.util.function.Consumer<JournalEntry>> changes = List.of(
                booked -> ledger.reject(owner, toReject.id(), toReject.version()),
                booked -> ledger.post(owner, toPostNow.id(), toPostNow.version()),
                booked -> ledger.changeLines(owner, toChange.id(), toChange.version(),
                        List.of(JournalLine.debit(rent.id(), five), JournalLine.credit(bank.id(), five)), "corrected"),
                booked -> ledger.reverse(owner, toReverse.id(), MARCH_1.plusDays(1), "twice"));
        for (java.util.function.Consumer<JournalEntry> change : changes) {
            List<JournalEntryId> left = transactions.execute(status -> {
                JournalEntry booked = proposeRent("9.00", MARCH_1);
                assertThat(ledger.bookedInThisTransaction(List.of(booked.id()))).containsExactly(booked.id());
                change.accept(booked);
                return List.copyOf(ledger.bookedInThisTransaction(List.of(booked.id())));
            });
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_batch_larger_than_one_jdbc_batch_is_stored_exactly_entry_by_entry_and_line_by_line() {
        Account sales = ledger.accountByCode(owner, "4000").orElseThrow();
        List<Ledger.Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 1_003; i++) { // the repository writes batches of 1,000
            Money whole = Money.of(BigDecimal.valueOf(1_000 + i, 2), CurrencyCode.USD);
            Money part = Money.of(BigDecimal.valueOf(100 + i % 7, 2), CurrencyCode.USD);
            List<JournalLine> lines = i % 3 == 0
                    ? List.of(JournalLine.debit(bank.id(), whole),
                            new JournalLine(sales.id(), Side.CREDIT, whole.minus(part), "sale " + i),
                            JournalLine.credit(rent.id(), part))
                    : List.of(JournalLine.debit(rent.id(), whole), JournalLine.credit(bank.id(), whole));
            bookings.add(new Ledger.Booking(new NewEntry(MARCH_1.plusDays(i % 28), "line " + i + " 'quoted', {braced}",
                    i % 2 == 0 ? null : "memo " + i, EntrySource.BANK, lines),
                    i % 5 == 0 ? EntryStatus.APPROVED : EntryStatus.PROPOSED));
        }

        List<JournalEntry> booked = ledger.bookAll(owner, bookings);

        assertThat(booked).hasSize(bookings.size());
        for (int i = 0; i < booked.size(); i++) {
            JournalEntry stored = ledger.entry(owner, booked.get(i).id());
            NewEntry asked = bookings.get(i).entry();
            assertThat(stored.date()).isEqualTo(asked.date());
            assertThat(stored.description()).isEqualTo(asked.description());
            assertThat(stored.memo()).isEqualTo(asked.memo());
            assertThat(stored.status()).isEqualTo(bookings.get(i).status());
            assertThat(stored.source()).isEqualTo(EntrySource.BANK);
            assertThat(stored.currency()).isEqualTo(CurrencyCode.USD);
            assertThat(stored.lines()).containsExactlyElementsOf(asked.lines());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE company_id = ?", Long.class,
                Keys.bind(owner.companyId()))).isEqualTo(booked.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_posting WHERE company_id = ? AND source = 'BANK'",
                Long.class, Keys.bind(owner.companyId()))).isEqualTo(booked.stream().mapToLong(e -> e.lines().size()).sum());
        // the two-line entries keep their lines in their own row; only the three-line ones have journal_line rows
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE company_id = ?", Long.class,
                Keys.bind(owner.companyId()))).isEqualTo(3L * ((1_003 + 2) / 3));
    }

    @Test
    void a_two_line_entry_is_kept_in_its_own_row_and_read_back_with_its_lines_in_order_and_memos() {
        Account sales = ledger.accountByCode(owner, "4000").orElseThrow();
        Money money = Money.of("12.34", CurrencyCode.USD);
        JournalEntry out = ledger.propose(owner, new NewEntry(MARCH_1, "card payment", null, EntrySource.BANK,
                List.of(JournalLine.credit(bank.id(), money), new JournalLine(rent.id(), Side.DEBIT, money, "keys"))));
        JournalEntry in = ledger.propose(owner, new NewEntry(MARCH_1, "sale", "memo", EntrySource.BANK,
                List.of(new JournalLine(bank.id(), Side.DEBIT, money, "till"), JournalLine.credit(sales.id(), money))));

        for (JournalEntry entry : List.of(out, in)) {
            assertThat(ledger.entry(owner, entry.id()).lines()).containsExactlyElementsOf(entry.lines());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE company_id = ? AND entry_id = ?",
                    Long.class, Keys.bind(owner.companyId()), Keys.bind(entry.id()))).isZero();
        }
        assertThat(jdbc.queryForList("SELECT line_no, debit_minor, credit_minor, memo FROM journal_posting"
                        + " WHERE company_id = ? AND entry_id = ? ORDER BY line_no", Keys.bind(owner.companyId()),
                Keys.bind(out.id())))
                .extracting(r -> List.of(((Number) r.get("line_no")).intValue(), ((Number) r.get("debit_minor")).longValue(),
                        ((Number) r.get("credit_minor")).longValue(), String.valueOf(r.get("memo"))))
                .containsExactly(List.of(1, 0L, 1234L, "null"), List.of(2, 1234L, 0L, "keys"));
        assertThat(ledger.entries(owner, new EntryFilter(null, null, null, sales.id(), null, 100, 0))).extracting(JournalEntry::id)
                .containsExactly(in.id());

        // a correction may turn it into three lines and back; each shape lives in one place only
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        Money part = Money.of("2.34", CurrencyCode.USD);
        List<JournalLine> three = List.of(JournalLine.credit(bank.id(), money),
                JournalLine.debit(rent.id(), money.minus(part)), JournalLine.debit(supplies.id(), part));
        JournalEntry split = ledger.changeLines(owner, out.id(), out.version(), three, "split");
        assertThat(ledger.entry(owner, out.id()).lines()).containsExactlyElementsOf(three);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE company_id = ? AND entry_id = ?",
                Long.class, Keys.bind(owner.companyId()), Keys.bind(out.id()))).isEqualTo(3);
        JournalEntry joined = ledger.changeLines(owner, out.id(), split.version(), out.lines(), "joined");
        assertThat(ledger.approve(owner, out.id(), joined.version()).lines()).containsExactlyElementsOf(out.lines());
        assertThat(ledger.entry(owner, out.id()).lines()).containsExactlyElementsOf(out.lines());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE company_id = ? AND entry_id = ?",
                Long.class, Keys.bind(owner.companyId()), Keys.bind(out.id()))).isZero();
        assertThat(ledger.trialBalance(owner, MARCH_1).balanceOf("6100"))
                .isEqualTo(Money.of("12.34", CurrencyCode.USD));
    }

    @Test
    void the_database_refuses_a_two_line_row_that_is_incomplete_not_positive_on_one_account_or_given_lines_too() {
        JournalEntry entry = proposeRent("10.00", MARCH_1);
        Object company = Keys.bind(owner.companyId());
        Object id = Keys.bind(entry.id());
        for (String change : List.of("amount_minor = 0", "credit_account_id = debit_account_id", "credit_first = NULL",
                "credit_first = 2", "debit_memo = 'x', debit_account_id = NULL")) {
            assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET " + change + " WHERE company_id = ? AND id = ?",
                    company, id)).as(change).hasMessageContaining("ck_entry_two_lines");
        }
        // an account of another company is refused as journal_line's lines are: by the composite foreign key
        CompanyAccess other = Fixtures.company(tenancy, BusinessType.RETAIL);
        Account theirs = ledger.accountByCode(other, "6100").orElseThrow();
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET debit_account_id = ? WHERE company_id = ? AND id = ?",
                Keys.bind(theirs.id()), company, id)).hasMessageMatching("(?is).*foreign key.*");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_line (company_id, entry_id, line_no, account_id,"
                + " debit_minor, credit_minor) VALUES (?, ?, 1, ?, 500, 0)", company, id, Keys.bind(rent.id())))
                .hasMessageContaining("keeps its two lines in its own row");
        assertThat(ledger.entry(owner, entry.id()).lines()).containsExactlyElementsOf(entry.lines());
        // nor may an entry whose lines are in journal_line take two lines into its own row as well, or a line move to
        // a two-line entry
        JournalEntry split = proposeSplit("10.00", MARCH_1);
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET debit_account_id = ?, credit_account_id = ?,"
                        + " amount_minor = 1000, credit_first = 0 WHERE company_id = ? AND id = ?", Keys.bind(rent.id()),
                Keys.bind(bank.id()), company, Keys.bind(split.id()))).hasMessageContaining("journal_line");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_line SET entry_id = ? WHERE company_id = ? AND entry_id = ?"
                + " AND line_no = 3", id, company, Keys.bind(split.id()))).isInstanceOf(DataAccessException.class);
        assertThat(ledger.entry(owner, split.id()).lines()).containsExactlyElementsOf(split.lines());
        assertThat(ledger.entry(owner, entry.id()).lines()).containsExactlyElementsOf(entry.lines());
    }

    @Test
    void entries_filtered_by_account_find_it_on_either_side_of_a_two_line_entry_and_on_any_line_of_a_longer_one() {
        JournalEntry two = proposeRent("10.00", MARCH_1);
        JournalEntry split = proposeSplit("20.00", MARCH_1);
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        assertThat(ledger.entries(owner, new EntryFilter(null, null, null, rent.id(), null, 100, 0)))
                .extracting(JournalEntry::id).containsExactlyInAnyOrder(two.id(), split.id());
        assertThat(ledger.entries(owner, new EntryFilter(null, null, null, bank.id(), null, 100, 0)))
                .extracting(JournalEntry::id).containsExactlyInAnyOrder(two.id(), split.id());
        assertThat(ledger.entries(owner, new EntryFilter(null, null, null, supplies.id(), null, 100, 0)))
                .extracting(JournalEntry::id).containsExactly(split.id());
        JournalEntry approvedSplit = ledger.approve(owner, split.id(), split.version());
        ledger.approve(owner, two.id(), two.version());
        assertThat(ledger.postings(owner, MARCH_1, MARCH_1, rent.id())).extracting(Posting::entryId)
                .containsExactlyInAnyOrder(two.id(), approvedSplit.id());
        assertThat(ledger.trialBalance(owner, MARCH_1).balanceOf("6100")).isEqualTo(Money.of("29.00", CurrencyCode.USD));
        assertThat(ledger.trialBalance(owner, MARCH_1).balanceOf("1000")).isEqualTo(Money.of("-30.00", CurrencyCode.USD));
    }

    @Test
    void a_new_company_gets_the_chart_of_accounts_of_its_business_type() {
        assertThat(ledger.accounts(owner)).hasSize(13)
                .extracting(Account::code).contains("1000", "4000", "6400");
        assertThat(ledger.accounts(owner)).filteredOn(Account::bank).extracting(Account::code).containsExactly("1000", "1010");
    }

    @Test
    void an_entry_moves_from_proposed_to_approved_to_posted_and_is_read_back_intact() {
        JournalEntry proposed = proposeRent("1250.00", MARCH_1);
        JournalEntry approved = ledger.approve(owner, proposed.id(), proposed.version());
        JournalEntry posted = ledger.post(owner, approved.id(), approved.version());

        JournalEntry stored = ledger.entry(owner, proposed.id());
        assertThat(stored.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(stored.version()).isEqualTo(posted.version());
        assertThat(stored.lines()).containsExactlyElementsOf(proposed.lines());
        assertThat(audit.eventsFor(owner, "journal_entry", proposed.id())).extracting(AuditTrail.Event::action)
                .containsExactly("entry.booked", "entry.approved", "entry.posted");
    }

    @Test
    void a_posted_entry_cannot_be_changed_rejected_or_deleted_only_reversed() {
        JournalEntry entry = postedRent("80.00");

        assertThatThrownBy(() -> ledger.changeAccount(owner, entry.id(), entry.version(), rent.id(), bank.id(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reverse it");
        assertThatThrownBy(() -> ledger.reject(owner, entry.id(), entry.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("it is POSTED");
        // the database refuses too, whoever writes to it
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET description = 'edited' WHERE company_id = ? AND id = ?",
                Keys.bind(owner.companyId()), Keys.bind(entry.id()))).hasMessageContaining("posted");
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_entry SET amount_minor = 1 WHERE company_id = ? AND id = ?",
                Keys.bind(owner.companyId()), Keys.bind(entry.id()))).hasMessageContaining("posted");
        JournalEntry split = proposeSplit("30.00", MARCH_1);
        ledger.post(owner, split.id(), ledger.approve(owner, split.id(), split.version()).version());
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_line WHERE company_id = ? AND entry_id = ?",
                Keys.bind(owner.companyId()), Keys.bind(split.id()))).hasMessageContaining("posted");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_entry WHERE company_id = ? AND id = ?",
                Keys.bind(owner.companyId()), Keys.bind(entry.id()))).hasMessageContaining("posted");

        JournalEntry reversal = ledger.reverse(owner, entry.id(), LocalDate.of(2026, 3, 31), "booked twice");
        assertThat(reversal.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(reversal.reversalOf()).isEqualTo(entry.id());
        assertThat(ledger.trialBalance(owner, LocalDate.of(2026, 12, 31)).balanceOf("6100"))
                .isEqualTo(Money.of("29.00", CurrencyCode.USD));
        assertThatThrownBy(() -> ledger.reverse(owner, entry.id(), LocalDate.of(2026, 4, 1), "again"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("reversed already");
    }

    @Test
    void the_lock_date_holds_for_booking_deciding_and_reversing() {
        JournalEntry open = proposeRent("10.00", MARCH_1);
        JournalEntry posted = postedRent("20.00");
        tenancy.updateSettings(owner, new BigDecimal("0.85"), LocalDate.of(2026, 3, 31));

        assertThatThrownBy(() -> proposeRent("5.00", LocalDate.of(2026, 3, 31)))
                .isInstanceOf(LockedPeriodException.class)
                .hasMessage("Cannot book an entry dated 2026-03-31: the books are locked up to and including 2026-03-31."
                        + " Date it after 2026-03-31, or ask an owner to move the lock date back.");
        assertThatThrownBy(() -> ledger.approve(owner, open.id(), open.version())).isInstanceOf(LockedPeriodException.class);
        assertThatThrownBy(() -> ledger.changeAccount(owner, open.id(), open.version(), rent.id(), bank.id(), null))
                .isInstanceOf(LockedPeriodException.class);
        assertThatThrownBy(() -> ledger.reverse(owner, posted.id(), LocalDate.of(2026, 3, 15), "wrong"))
                .isInstanceOf(LockedPeriodException.class);
        assertThat(ledger.entry(owner, open.id()).status()).isEqualTo(EntryStatus.PROPOSED);

        assertThat(ledger.reverse(owner, posted.id(), LocalDate.of(2026, 4, 1), "wrong").date())
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(proposeRent("5.00", LocalDate.of(2026, 4, 1)).status()).isEqualTo(EntryStatus.PROPOSED);
    }

    @Test
    void a_stale_version_is_refused_as_a_concurrent_change() {
        JournalEntry entry = proposeRent("10.00", MARCH_1);
        ledger.approve(owner, entry.id(), entry.version());
        assertThatThrownBy(() -> ledger.reject(owner, entry.id(), entry.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");
    }

    @Test
    void changing_the_account_keeps_the_entry_balanced_and_bumps_the_version() {
        JournalEntry entry = proposeRent("42.00", MARCH_1);
        Account supplies = ledger.accountByCode(owner, "6500").orElseThrow();
        JournalEntry changed = ledger.changeAccount(owner, entry.id(), entry.version(), rent.id(), supplies.id(), "reviewer");
        JournalEntry stored = ledger.entry(owner, entry.id());
        assertThat(stored.version()).isEqualTo(changed.version()).isEqualTo(entry.version() + 1);
        assertThat(stored.lines()).extracting(JournalLine::account).containsExactly(supplies.id(), bank.id());
    }

    @Test
    void a_viewer_reads_but_cannot_book() {
        CompanyAccess viewer = Fixtures.member(tenancy, owner, Role.VIEWER);
        assertThat(ledger.accounts(viewer)).isNotEmpty();
        Money money = Money.of("1.00", CurrencyCode.USD);
        assertThatThrownBy(() -> ledger.propose(viewer, NewEntry.manual(MARCH_1, "x",
                JournalLine.debit(rent.id(), money), JournalLine.credit(bank.id(), money))))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("you need the ACCOUNTANT role");
    }

    @Test
    void the_database_refuses_an_unbalanced_entry_written_around_the_domain() {
        JournalEntry entry = proposeSplit("10.00", MARCH_1);
        Object company = Keys.bind(owner.companyId());
        Object id = Keys.bind(entry.id());
        // PostgreSQL's deferred trigger refuses the unbalancing update at commit; SQLite, which can't defer,
        // refuses the approval of the unbalanced entry
        Throwable refused = catchThrowable(() -> {
            jdbc.update("UPDATE journal_line SET debit_minor = 999 WHERE company_id = ? AND entry_id = ? AND line_no = 1",
                    company, id);
            jdbc.update("UPDATE journal_entry SET status = 'APPROVED' WHERE company_id = ? AND id = ?", company, id);
        });
        assertThat(refused).hasMessageContaining("does not balance");
        assertThat(jdbc.queryForObject("SELECT status FROM journal_entry WHERE company_id = ? AND id = ?", String.class,
                company, id)).isEqualTo("PROPOSED");
    }

    @Test
    void a_line_appended_around_the_domain_is_refused_when_the_entry_is_approved() {
        JournalEntry entry = proposeSplit("10.00", MARCH_1);
        Object company = Keys.bind(owner.companyId());
        Object id = Keys.bind(entry.id());
        // the database checks a draft's balance when its lines are first written and whenever it is approved or
        // posted; a line slipped in later is caught at the approval at the latest
        jdbc.update("INSERT INTO journal_line (company_id, entry_id, line_no, account_id, debit_minor, credit_minor)"
                + " VALUES (?, ?, 4, ?, 500, 0)", company, id, Keys.bind(rent.id()));
        Throwable refused = catchThrowable(() ->
                jdbc.update("UPDATE journal_entry SET status = 'APPROVED' WHERE company_id = ? AND id = ?", company, id));
        assertThat(refused).hasMessageContaining("does not balance");
        assertThat(jdbc.queryForObject("SELECT status FROM journal_entry WHERE company_id = ? AND id = ?", String.class,
                company, id)).isEqualTo("PROPOSED");
    }

    @Test
    void the_lines_of_a_posted_entry_stay_frozen_among_many_posted_entries() {
        for (int i = 0; i < 20; i++) {
            postedSplit("1" + i + ".00");
        }
        JournalEntry posted = postedSplit("99.00");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_line (company_id, entry_id, line_no, account_id,"
                        + " debit_minor, credit_minor) VALUES (?, ?, 4, ?, 500, 0)", Keys.bind(owner.companyId()),
                Keys.bind(posted.id()), Keys.bind(rent.id())))
                .hasMessageContaining("is posted and its lines cannot be changed");
    }

    @Test
    void a_many_row_insert_that_touches_one_posted_entry_is_refused_whole_and_posted_lines_cannot_be_updated() {
        JournalEntry draft = proposeSplit("5.00", MARCH_1);
        JournalEntry posted = postedSplit("7.00");
        Object company = Keys.bind(owner.companyId());
        assertThatThrownBy(() -> jdbc.update("INSERT INTO journal_line (company_id, entry_id, line_no, account_id,"
                        + " debit_minor, credit_minor) VALUES (?, ?, 4, ?, 100, 0), (?, ?, 4, ?, 100, 0)",
                company, Keys.bind(draft.id()), Keys.bind(rent.id()), company, Keys.bind(posted.id()), Keys.bind(rent.id())))
                .hasMessageContaining("is posted and its lines cannot be changed");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE company_id = ? AND entry_id = ?",
                Integer.class, company, Keys.bind(draft.id()))).isEqualTo(3);
        assertThatThrownBy(() -> jdbc.update("UPDATE journal_line SET memo = 'edited' WHERE company_id = ? AND entry_id = ?",
                company, Keys.bind(posted.id()))).hasMessageContaining("posted");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM journal_line WHERE company_id = ? AND entry_id = ?",
                company, Keys.bind(posted.id()))).hasMessageContaining("posted");
    }

    private JournalEntry postedSplit(String amount) {
        JournalEntry entry = proposeSplit(amount, MARCH_1);
        JournalEntry approved = ledger.approve(owner, entry.id(), entry.version());
        return ledger.post(owner, entry.id(), approved.version());
    }

    private JournalEntry postedRent(String amount) {
        JournalEntry entry = proposeRent(amount, MARCH_1);
        JournalEntry approved = ledger.approve(owner, entry.id(), entry.version());
        return ledger.post(owner, entry.id(), approved.version());
    }
}

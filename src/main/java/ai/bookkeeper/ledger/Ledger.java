package ai.bookkeeper.ledger;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.CompanyCreated;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's books: its chart of accounts and its journal. Every method takes the caller's {@link CompanyAccess}
 * and touches that company's rows only; an id from another company answers "not found".
 */
@Service
public class Ledger {

    private final LedgerRepository repository;
    private final Tenancy tenancy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledger(LedgerRepository repository, Tenancy tenancy, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tenancy = tenancy;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void createChartOfAccounts(CompanyCreated event) {
        List<Account> accounts = ChartTemplates.forType(event.company().businessType()).stream()
                .map(t -> new Account(AccountId.newId(), t.code(), t.name(), t.type(), t.bank()))
                .toList();
        repository.insertAccounts(event.company().id(), accounts);
    }

    public List<Account> accounts(CompanyAccess access) {
        return repository.accounts(access.companyId());
    }

    public Optional<Account> accountByCode(CompanyAccess access, String code) {
        return accounts(access).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    @Transactional
    public Account addAccount(CompanyAccess access, String code, String name, AccountType type, boolean bank) {
        access.require(Role.ACCOUNTANT, "add accounts");
        if (code == null || !code.matches("[0-9A-Za-z.-]{1,20}")) {
            throw new InvalidInputException("account.code", "An account code has 1 to 20 letters, digits, dots or"
                    + " dashes, such as 6150; '" + code + "' does not.");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("account.name", "An account needs a name of 1 to 200 characters.");
        }
        if (bank && type != AccountType.ASSET && type != AccountType.LIABILITY) {
            throw new InvalidInputException("account.bank.type", "A bank or card account is an ASSET or a LIABILITY.");
        }
        if (repository.accountCodeTaken(access.companyId(), code)) {
            throw new ConflictException("account.code.taken", "Account code " + code + " is in use; choose another.");
        }
        Account account = new Account(AccountId.newId(), code, name.strip(), type, bank);
        repository.insertAccounts(access.companyId(), List.of(account));
        audit.record(access, "account.added", "account", account.id(), account.label());
        return account;
    }

    /** Books a new entry awaiting review. */
    @Transactional
    public JournalEntry propose(CompanyAccess access, NewEntry request) {
        return book(access, request, EntryStatus.PROPOSED);
    }

    /**
     * Books a new entry straight into {@code status}: APPROVED for an auto-approved suggestion, POSTED for
     * opening balances. Locked periods and account ownership are checked as for a proposal.
     */
    @Transactional
    public JournalEntry book(CompanyAccess access, NewEntry request, EntryStatus status) {
        access.require(Role.ACCOUNTANT, "book journal entries");
        if (status == EntryStatus.REJECTED) {
            throw new IllegalArgumentException("an entry is never booked as rejected");
        }
        if (request.source() == EntrySource.REVERSAL) {
            throw new InvalidInputException("entry.source.reversal", "Reversals are made with reverse(), which links"
                    + " them to the entry they undo.");
        }
        Company company = tenancy.company(access);
        requireOpen(company, "book an entry", request.date());
        requireOwnAccounts(access, request.lines());
        JournalEntry entry = new JournalEntry(JournalEntryId.newId(), access.companyId(), request.date(),
                request.description(), request.memo(), status, request.source(), company.currency(), request.lines(), null, 0);
        repository.insert(entry, actor(access), clock.instant());
        BookedInTransaction.add(this, List.of(entry.id()));
        audit.record(access, "entry.booked", "journal_entry", entry.id(), status + " " + entry.total());
        return entry;
    }

    /** One entry to book in a batch, with the status it starts in (PROPOSED, or APPROVED when auto-approved). */
    public record Booking(NewEntry entry, EntryStatus status) {
    }

    /**
     * Books many entries at once with the same checks as {@link #book}: for imports, where one company lookup, one
     * chart lookup and two JDBC batches replace thousands of round trips. All or nothing.
     */
    @Transactional
    public List<JournalEntry> bookAll(CompanyAccess access, List<Booking> bookings) {
        access.require(Role.ACCOUNTANT, "book journal entries");
        if (bookings.isEmpty()) {
            return List.of();
        }
        Company company = tenancy.company(access);
        Set<AccountId> own = accounts(access).stream().map(Account::id).collect(Collectors.toCollection(HashSet::new));
        List<JournalEntry> entries = new java.util.ArrayList<>(bookings.size());
        for (Booking booking : bookings) {
            NewEntry request = booking.entry();
            if (booking.status() != EntryStatus.PROPOSED && booking.status() != EntryStatus.APPROVED) {
                throw new IllegalArgumentException("batches book PROPOSED or APPROVED entries, not " + booking.status());
            }
            if (request.source() == EntrySource.REVERSAL) {
                throw new IllegalArgumentException("reversals are made with reverse()");
            }
            requireOpen(company, "book an entry", request.date());
            for (JournalLine line : request.lines()) {
                if (!own.contains(line.account())) {
                    throw new NotFoundException("account.not_found", "No account " + line.account()
                            + " in this company's chart of accounts; pick one of its accounts.");
                }
            }
            entries.add(new JournalEntry(JournalEntryId.newId(), access.companyId(), request.date(), request.description(),
                    request.memo(), booking.status(), request.source(), company.currency(), request.lines(), null, 0));
        }
        repository.insertAll(entries, actor(access), clock.instant());
        BookedInTransaction.add(this, entries.stream().map(JournalEntry::id).toList());
        audit.record(access, "entries.booked", "journal_entry_batch", entries.get(0).id(), entries.size() + " entries");
        return entries;
    }

    public JournalEntry entry(CompanyAccess access, JournalEntryId id) {
        return repository.entry(access.companyId(), id).orElseThrow(() -> new NotFoundException("entry.not_found",
                "No journal entry " + id + " in this company."));
    }

    public List<JournalEntry> entries(CompanyAccess access, EntryFilter filter) {
        return repository.entries(access.companyId(), filter);
    }

    /**
     * Of {@code ids}, the entries that the current transaction booked ({@link #book}, {@link #bookAll}) and that no
     * ledger change in it (approve, reject, post, change, reverse) has touched since. No other transaction can have
     * seen them, so they are live and, as far as anything outside this transaction goes, unmatched: a caller that
     * books and then links in one transaction can skip looking them up. Empty outside a transaction.
     */
    public Set<JournalEntryId> bookedInThisTransaction(Collection<JournalEntryId> ids) {
        return BookedInTransaction.of(this, ids);
    }

    @Transactional
    public JournalEntry approve(CompanyAccess access, JournalEntryId id, int expectedVersion) {
        return move(access, id, expectedVersion, EntryStatus.APPROVED, "approve");
    }

    /** Rejects an unposted entry; its bank-line match and receipts are released ({@link EntryWithdrawn}). */
    @Transactional
    public JournalEntry reject(CompanyAccess access, JournalEntryId id, int expectedVersion) {
        JournalEntry rejected = move(access, id, expectedVersion, EntryStatus.REJECTED, "reject");
        events.publishEvent(new EntryWithdrawn(access, id, null));
        return rejected;
    }

    @Transactional
    public JournalEntry post(CompanyAccess access, JournalEntryId id, int expectedVersion) {
        return move(access, id, expectedVersion, EntryStatus.POSTED, "post");
    }

    /**
     * Replaces an unposted entry's lines (a reviewer's correction); an approved entry stays approved. A bank-line match
     * the new lines no longer add up to is released ({@link EntryChanged}).
     */
    @Transactional
    public JournalEntry changeLines(CompanyAccess access, JournalEntryId id, int expectedVersion, List<JournalLine> lines,
                                    String memo) {
        access.require(Role.ACCOUNTANT, "change journal entries");
        BookedInTransaction.forgetAll(this);
        JournalEntry current = current(access, id, expectedVersion);
        if (!current.status().isEditable()) {
            throw new ConflictException("entry.not_editable", "Journal entry " + id + " is " + current.status()
                    + " and can't be changed" + (current.status() == EntryStatus.POSTED
                    ? "; reverse it and book a corrected entry instead." : "."));
        }
        requireOpen(tenancy.company(access), "change an entry", current.date());
        requireOwnAccounts(access, lines);
        JournalEntry changed = current.withLines(lines, memo);
        if (!repository.replaceLines(access.companyId(), id, expectedVersion, changed.lines(), memo)) {
            throw concurrentChange(id);
        }
        audit.record(access, "entry.changed", "journal_entry", id, memo);
        events.publishEvent(new EntryChanged(access, id));
        return changed;
    }

    /** Replaces every line on {@code from} by the same amount on {@code to}: "change account" in review. */
    @Transactional
    public JournalEntry changeAccount(CompanyAccess access, JournalEntryId id, int expectedVersion, AccountId from,
                                      AccountId to, String memo) {
        JournalEntry current = entry(access, id);
        List<JournalLine> lines = current.lines().stream()
                .map(l -> l.account().equals(from) ? l.withAccount(to) : l)
                .toList();
        return changeLines(access, id, expectedVersion, lines, memo == null ? current.memo() : memo);
    }

    /**
     * Posts the mirror image of a posted entry on {@code date}, which must be after the lock date. An entry is
     * reversed at most once. The original's bank-line match and receipts are released ({@link EntryWithdrawn}): the
     * bank line is open again for the corrected entry.
     */
    @Transactional
    public JournalEntry reverse(CompanyAccess access, JournalEntryId id, LocalDate date, String reason) {
        access.require(Role.ACCOUNTANT, "reverse journal entries");
        BookedInTransaction.forgetAll(this);
        JournalEntry original = entry(access, id);
        if (original.status() != EntryStatus.POSTED) {
            throw new ConflictException("entry.reverse.not_posted", "Only posted entries are reversed; entry " + id
                    + " is " + original.status() + ", so change or reject it instead.");
        }
        if (original.source() == EntrySource.REVERSAL) {
            throw new ConflictException("entry.reverse.reversal", "Entry " + id + " is itself a reversal; book a new"
                    + " entry if the original was right after all.");
        }
        if (repository.hasReversal(access.companyId(), id)) {
            throw new ConflictException("entry.reverse.twice", "Entry " + id + " has been reversed already.");
        }
        requireOpen(tenancy.company(access), "reverse into a date", date);
        JournalEntry reversal = new JournalEntry(JournalEntryId.newId(), access.companyId(), date,
                "Reversal of: " + truncate(original.description(), 480), reason, EntryStatus.POSTED, EntrySource.REVERSAL,
                original.currency(), original.lines().stream().map(JournalLine::reversed).toList(), original.id(), 0);
        repository.insert(reversal, actor(access), clock.instant());
        audit.record(access, "entry.reversed", "journal_entry", id, "by " + reversal.id() + ": " + reason);
        events.publishEvent(new EntryWithdrawn(access, id, reversal.id()));
        return reversal;
    }

    public TrialBalance trialBalance(CompanyAccess access, LocalDate asOf) {
        Company company = tenancy.company(access);
        return new TrialBalance(asOf, company.currency(),
                repository.trialBalanceRows(access.companyId(), asOf, company.currency()));
    }

    /**
     * Totals per account over booked entries dated from {@code from} (null: the beginning) to {@code to}: the
     * movements a profit and loss statement or a period's trial balance is made of.
     */
    public TrialBalance activity(CompanyAccess access, LocalDate from, LocalDate to) {
        Company company = tenancy.company(access);
        return new TrialBalance(to, company.currency(),
                repository.activityRows(access.companyId(), from, to, company.currency()));
    }

    /**
     * {@link #activity} of each calendar month that overlaps [from, to], clipped to the period, in month order; a
     * month without booked entries has no rows. Each month's {@code asOf} is its last day within the period.
     */
    public List<TrialBalance> activityByMonth(CompanyAccess access, LocalDate from, LocalDate to) {
        Company company = tenancy.company(access);
        var rows = repository.activityRowsByMonth(access.companyId(), from, to, company.currency());
        List<TrialBalance> months = new java.util.ArrayList<>();
        for (var month = java.time.YearMonth.from(from); !month.isAfter(java.time.YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            months.add(new TrialBalance(last, company.currency(), rows.getOrDefault(month.toString(), List.of())));
        }
        return months;
    }

    /** Booked postings dated within [from, to] in date order, for one account or (null) all. */
    public List<Posting> postings(CompanyAccess access, LocalDate from, LocalDate to, AccountId account) {
        Company company = tenancy.company(access);
        return repository.postings(access.companyId(), from, to, account, company.currency());
    }

    private JournalEntry move(CompanyAccess access, JournalEntryId id, int expectedVersion, EntryStatus next, String verb) {
        access.require(Role.ACCOUNTANT, verb + " journal entries");
        BookedInTransaction.forgetAll(this);
        JournalEntry current = current(access, id, expectedVersion);
        if (!current.status().canMoveTo(next)) {
            throw new ConflictException("entry.transition", "Cannot " + verb + " journal entry " + id + ": it is "
                    + current.status() + " (a " + current.status() + " entry can't become " + next + ").");
        }
        requireOpen(tenancy.company(access), verb + " an entry", current.date());
        if (!repository.updateStatus(access.companyId(), id, expectedVersion, next, actor(access), clock.instant())) {
            throw concurrentChange(id);
        }
        audit.record(access, "entry." + next.name().toLowerCase(java.util.Locale.ROOT), "journal_entry", id, null);
        return current.withStatus(next);
    }

    private JournalEntry current(CompanyAccess access, JournalEntryId id, int expectedVersion) {
        JournalEntry current = entry(access, id);
        if (current.version() != expectedVersion) {
            throw concurrentChange(id);
        }
        return current;
    }

    private static ConflictException concurrentChange(JournalEntryId id) {
        return new ConflictException("entry.concurrent_change", "Journal entry " + id + " was changed by someone else"
                + " since you loaded it; reload it and decide again.");
    }

    private static void requireOpen(Company company, String what, LocalDate date) {
        if (company.isLocked(date)) {
            throw new LockedPeriodException(what, date, company.lockDate());
        }
    }

    private void requireOwnAccounts(CompanyAccess access, List<JournalLine> lines) {
        Set<AccountId> own = accounts(access).stream().map(Account::id).collect(Collectors.toCollection(HashSet::new));
        for (JournalLine line : lines) {
            if (!own.contains(line.account())) {
                throw new NotFoundException("account.not_found", "No account " + line.account()
                        + " in this company's chart of accounts; pick one of its accounts.");
            }
        }
    }

    private static String actor(CompanyAccess access) {
        return access.user().map(Object::toString).orElse(null);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}

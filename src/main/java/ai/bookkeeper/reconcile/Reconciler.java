package ai.bookkeeper.reconcile;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.platform.SqlErrors;
import ai.bookkeeper.platform.TransactionScoped;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A company's reconciliation: bank lines matched to the entries that hit the bank account, receipts attached to the
 * entries that paid them, orphans, balance checks and the reconciliation rate. A match of one entry is stored on the
 * bank line's own row, one of several entries as a row per entry, and the database refuses to match an entry twice.
 * Every bank line handed to this service to be reconciled, linked or matched is recorded (idempotently), so that rates
 * and orphans of a period are answered from the database; a {@link #matchBeforeCreate} that finds nothing records nothing (the linking that follows does).
 */
@Service
public class Reconciler {

    private final ReconcileRepository repository;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final MatchReleases releases;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Reconciler(ReconcileRepository repository, Ledger ledger, AuditTrail audit, MatchReleases releases, Clock clock,
               PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.ledger = ledger;
        this.audit = audit;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * Records the lines, then matches those not matched yet against the company's unmatched entries on their bank
     * accounts (dated within the window of the lines), and stores the accepted matches in one batch.
     */
    @Transactional
    public ReconciliationResult reconcile(CompanyAccess access, List<BankLine> lines, ReconcileOptions options) {
        access.require(Role.ACCOUNTANT, "reconcile bank statements");
        releases.lockForStoring(access);
        return run(access, lines, options, new ReconcileRepository.ItemFilter(true, true, false), true);
    }

    /**
     * Before a new bank line gets a freshly proposed entry: looks for an existing unmatched entry on its bank account
     * that was booked from a receipt or bill or by hand (not from another bank line), and if one fits, matches it
     * and returns the match, so that nothing is booked twice. Empty when the caller should create an entry; then
     * call {@link #linkCreated} with the entry it books.
     */
    public Optional<Match> matchBeforeCreate(CompanyAccess access, BankLine line) {
        return matchBeforeCreate(access, List.of(line)).stream().findFirst();
    }

    /**
     * The batch form of {@link #matchBeforeCreate(CompanyAccess, BankLine)}: the matches found, in line order.
     *
     * <p>It looks before it writes: the engine first runs on what the database holds now, without a transaction,
     * and only if it finds a match does the search run again under the match lock and store what it finds then
     * (recording the lines it matched, each with its match of one entry in one row; the others are recorded when
     * their entries are linked). Most new lines have nothing to match, and for them no write transaction is begun (on
     * SQLite none takes the one write lock) and the lines are not recorded here: {@link #linkCreated} or
     * {@link #reconcile} records them. An entry booked from a receipt after the look is not seen, as it would not
     * have been if it were booked just after the locked search either.
     */
    public List<Match> matchBeforeCreate(CompanyAccess access, List<BankLine> lines) {
        access.require(Role.ACCOUNTANT, "reconcile bank statements");
        if (lines.isEmpty()) {
            return List.of();
        }
        ReconcileRepository.ItemFilter filter = new ReconcileRepository.ItemFilter(false, true, false);
        requireBankAccounts(access, lines);
        if (search(access, lines, ReconcileOptions.defaults(), filter).matches().isEmpty()) {
            return List.of();
        }
        return transactions.execute(status -> {
            releases.lockForStoring(access);
            return run(access, lines, ReconcileOptions.defaults(), filter, false).matches();
        });
    }

    /** Records that {@code entry} was booked from {@code line}: an exact match by construction. */
    @Transactional
    public Match linkCreated(CompanyAccess access, BankLine line, JournalEntryId entry) {
        access.require(Role.ACCOUNTANT, "reconcile bank statements");
        releases.lockForStoring(access);
        repository.recordLines(access.companyId(), List.of(line), clock.instant());
        return store(access, line, List.of(entry), MatchKind.EXACT, "entry booked from this bank line");
    }

    /** A bank line and the journal entry that was booked from it. */
    public record Booked(BankLine line, JournalEntryId entry) {
    }

    /**
     * The batch form of {@link #linkCreated(CompanyAccess, BankLine, JournalEntryId)}: records the lines and matches
     * each to the entry booked from it, so that a pipeline which books every new bank line need not search for what
     * it already knows. A line stays as it is (recorded, and unmatched unless it was matched before) when it or its
     * entry is matched already, when its entry is named twice, or when its entry is no longer live: rejected, reversed
     * or a reversal, as a reviewer may have decided between the booking and this call. Returns the matches stored.
     */
    @Transactional
    public List<Match> linkCreated(CompanyAccess access, List<Booked> booked) {
        access.require(Role.ACCOUNTANT, "reconcile bank statements");
        if (booked.isEmpty()) {
            return List.of();
        }
        releases.lockForStoring(access);
        List<BankLine> lines = booked.stream().map(Booked::line).toList();
        requireBankAccounts(access, lines);
        // one lookup for both what is recorded and what is matched (a line is recorded before it is matched)
        Map<String, Boolean> recorded = repository.recordedLines(access.companyId(), lines.stream().map(BankLine::id).toList());
        // entries booked earlier in this transaction need no lookup, unless this transaction stored matches since
        Set<JournalEntryId> untouched = TransactionScoped.find(this, MatchesStored.class) != null ? Set.of()
                : ledger.bookedInThisTransaction(booked.stream().map(Booked::entry).toList());
        List<String> toCheck = booked.stream().filter(b -> !untouched.contains(b.entry()))
                .map(b -> b.entry().toString()).toList();
        Set<String> takenEntries = toCheck.isEmpty() ? new java.util.HashSet<>()
                : repository.unlinkableEntries(access.companyId(), toCheck);
        Set<String> takenLines = new java.util.HashSet<>();
        recorded.forEach((line, matched) -> {
            if (matched) {
                takenLines.add(line);
            }
        });
        List<Match> matches = new ArrayList<>();
        for (Booked b : booked) {
            String lineId = b.line().id();
            String entry = b.entry().toString();
            // a line named twice is matched to the first of its entries that is still free
            if (!takenLines.contains(lineId) && !takenEntries.contains(entry)) {
                takenLines.add(lineId);
                takenEntries.add(entry);
                matches.add(new Match(lineId, List.of(entry), MatchKind.EXACT, 10_000, "entry booked from this bank line"));
            }
        }
        try {
            recordAndStore(access, lines, matches, recorded.keySet());
        } catch (DataAccessException e) {
            throw conflictOrRethrow(e, "Another reconciliation of these bank accounts stored matches at the same"
                    + " time; run the reconciliation again.");
        }
        audit.record(access, "reconcile.linked", "company", access.companyId(), matches.size()
                + " bank lines matched to the entries booked from them");
        return matches;
    }

    /** Stored matches of the bank lines dated in [from, to], in date order. */
    public List<Match> matches(CompanyAccess access, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        return repository.matches(access.companyId(), from, to);
    }

    /**
     * Candidates for the unmatched bank lines dated in [from, to], for a person to confirm with
     * {@link #manualMatch}: the engine's suggestions and also what it would accept now (entries booked since the
     * last run), best first per line. Nothing is stored.
     */
    public List<Suggestion> suggestions(CompanyAccess access, LocalDate from, LocalDate to, ReconcileOptions options) {
        requirePeriod(from, to);
        List<BankLine> open = repository.lines(access.companyId(), from, to, true);
        ReconciliationResult dryRun = new MatchingEngine(options).run(open,
                openItems(access, open, options, new ReconcileRepository.ItemFilter(true, true, false)),
                repository.declined(access.companyId(), open.stream().map(BankLine::id).toList()));
        List<Suggestion> all = new ArrayList<>();
        dryRun.matches().forEach(m -> all.add(new Suggestion(m.bankLineId(), m.entryIds(), m.kind(), m.scoreBp(), m.reason())));
        all.addAll(dryRun.suggestions());
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < open.size(); i++) {
            order.put(open.get(i).id(), i);
        }
        all.sort(Comparator.comparing((Suggestion s) -> order.get(s.bankLineId())));
        return all;
    }

    /** Recorded bank lines without a match, and entries on bank accounts without a bank line, dated in [from, to]. */
    public Orphans orphans(CompanyAccess access, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        List<LedgerItem> entries = repository.items(access.companyId(), null, from, to,
                new ReconcileRepository.ItemFilter(true, true, false));
        entries.sort(Comparator.comparing(LedgerItem::date).thenComparing(LedgerItem::entryId));
        return new Orphans(repository.lines(access.companyId(), from, to, true), entries);
    }

    /**
     * Matches a bank line to entries by hand. The line must have been given to the reconciler before; the entries
     * must be live, touch the line's bank account, be unmatched, and their amounts on the account must add up to the
     * line's amount (book a difference such as a bank fee as an entry of its own and include it). Audited.
     */
    @Transactional
    public Match manualMatch(CompanyAccess access, String bankLineId, List<JournalEntryId> entries, String note) {
        access.require(Role.ACCOUNTANT, "match bank lines");
        releases.lockForStoring(access);
        BankLine line = recordedLine(access, bankLineId);
        String reason = "matched by hand" + (note == null || note.isBlank() ? "" : ": " + note.strip());
        Match match = store(access, line, entries, MatchKind.MANUAL, reason);
        repository.deleteDeclined(access.companyId(), bankLineId, match.entryIds());
        audit.record(access, "reconcile.matched", "bank_line", bankLineId,
                "entries " + String.join(", ", match.entryIds()) + "; " + reason);
        return match;
    }

    /**
     * Removes a bank line's match, whatever its kind, so that it and its entries are open again; the engine will not
     * pair the line with those entries again (a person still can, by hand). Audited.
     */
    @Transactional
    public void unmatch(CompanyAccess access, String bankLineId, String why) {
        access.require(Role.ACCOUNTANT, "unmatch bank lines");
        releases.lockForStoring(access); // or a reconcile that read no declined pair yet could pair the line with its entries again
        Match match = repository.matchOf(access.companyId(), bankLineId).orElseThrow(() -> new NotFoundException(
                "reconcile.not_matched", "Bank line " + bankLineId + " is not matched; there is nothing to unmatch."));
        releases.remove(access, bankLineId, match, why == null || why.isBlank() ? null : why.strip());
        repository.insertDeclined(access.companyId(), bankLineId, match.entryIds(), actor(access), clock.instant());
    }

    /**
     * Matched bank lines divided by all recorded bank lines dated in [from, to], to four decimals (half even);
     * 1 when the period has no bank lines, as nothing is left to reconcile.
     */
    public BigDecimal rate(CompanyAccess access, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        long[] counts = repository.lineCounts(access.companyId(), from, to);
        if (counts[0] == 0) {
            return BigDecimal.ONE.setScale(4);
        }
        return BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_EVEN);
    }

    /** Each statement's ending balance against the ledger's booked balance of the account on that date. */
    public List<BalanceCheck> balanceChecks(CompanyAccess access, List<StatementBalance> statements) {
        Map<AccountId, Account> accounts = ledger.accounts(access).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        List<BalanceCheck> checks = new ArrayList<>();
        for (StatementBalance s : statements) {
            Account account = accounts.get(s.account());
            if (account == null || !account.bank()) {
                throw new NotFoundException("reconcile.account", "Account " + s.account() + " is not a bank account of"
                        + " this company; pick one of its bank or card accounts for the statement dated " + s.date() + ".");
            }
            Money ledgerBalance = Money.ofMinor(repository.bookedBalance(access.companyId(), s.account(), s.date(),
                    s.endingBalance().currency()), s.endingBalance().currency());
            checks.add(new BalanceCheck(s.account(), s.date(), s.endingBalance(), ledgerBalance,
                    s.endingBalance().minus(ledgerBalance)));
        }
        return checks;
    }

    /**
     * Attaches receipts to the entries that paid them (entries on any bank account, not yet carrying a document),
     * skipping receipts attached before; returns the new links.
     */
    @Transactional
    public List<ReceiptMatch> receiptMatches(CompanyAccess access, List<ReceiptDoc> receipts, ReconcileOptions options) {
        access.require(Role.ACCOUNTANT, "attach receipts");
        releases.lockForStoring(access);
        Set<String> linked = repository.linkedDocuments(access.companyId(), receipts.stream().map(ReceiptDoc::id).toList());
        List<ReceiptDoc> open = receipts.stream().filter(r -> !linked.contains(r.id())).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        LocalDate from = open.stream().map(ReceiptDoc::date).min(Comparator.naturalOrder()).orElseThrow()
                .minusDays(options.dateWindowDays());
        LocalDate to = open.stream().map(ReceiptDoc::date).max(Comparator.naturalOrder()).orElseThrow()
                .plusDays(options.dateWindowDays());
        List<LedgerItem> items = repository.items(access.companyId(), null, from, to,
                new ReconcileRepository.ItemFilter(true, false, true));
        List<ReceiptMatch> links = new ReceiptMatcher(options).match(open, items);
        Map<String, String> lines = repository.lineOfEntries(access.companyId(),
                links.stream().map(ReceiptMatch::entryId).toList());
        List<ReceiptMatch> withLines = links.stream().map(l -> new ReceiptMatch(l.documentId(), l.entryId(),
                lines.get(l.entryId()), l.scoreBp(), l.reason())).toList();
        repository.insertDocumentLinks(access.companyId(), withLines, actor(access), clock.instant());
        return withLines;
    }

    /** Which of these documents are attached to an entry. */
    public java.util.Set<String> linkedDocuments(CompanyAccess access, java.util.Collection<String> documentIds) {
        return repository.linkedDocuments(access.companyId(), documentIds);
    }

    /** The documents attached to an entry. */
    public List<ReceiptMatch> documents(CompanyAccess access, JournalEntryId entry) {
        return repository.documentLinks(access.companyId(), entry.toString());
    }

    /**
     * Runs the engine over the lines and stores its matches. {@code recordAll}: every line is recorded first (a
     * reconciliation); otherwise only the lines matched are, each new one in one row with its match of one entry
     * (the look before booking, whose other lines are recorded with their match when their entries are linked).
     */
    private ReconciliationResult run(CompanyAccess access, List<BankLine> lines, ReconcileOptions options,
                                     ReconcileRepository.ItemFilter filter, boolean recordAll) {
        if (lines.isEmpty()) {
            return new ReconciliationResult(List.of(), List.of(), List.of(), List.of());
        }
        requireBankAccounts(access, lines);
        ReconciliationResult result;
        try {
            if (recordAll) {
                repository.recordLines(access.companyId(), lines, clock.instant());
                result = search(access, lines, options, filter);
                matchesStored();
                repository.insertMatches(access.companyId(), result.matches(), actor(access), clock.instant());
            } else {
                result = search(access, lines, options, filter);
                Set<String> matched = result.matches().stream().map(Match::bankLineId).collect(Collectors.toSet());
                recordAndStore(access, lines.stream().filter(l -> matched.contains(l.id())).toList(), result.matches(),
                        repository.recordedLines(access.companyId(), matched).keySet());
            }
        } catch (DataAccessException e) {
            throw conflictOrRethrow(e, "Another reconciliation of these bank accounts stored matches at the same"
                    + " time; run the reconciliation again.");
        }
        audit.record(access, "reconcile.run", "company", access.companyId(), lines.size() + " bank lines, "
                + result.matches().size() + " matched, " + result.suggestions().size() + " suggestions, "
                + result.unmatchedLines().size() + " unmatched");
        return result;
    }

    /**
     * Records the lines not recorded yet, each new one with its match of one entry in the same row (a line booked from
     * costs one row), then stores the other matches: those of recorded lines, and those of several entries.
     */
    private void recordAndStore(CompanyAccess access, List<BankLine> lines, List<Match> matches, Set<String> recorded) {
        matchesStored();
        Map<String, Match> onNewLines = new HashMap<>();
        for (Match m : matches) {
            if (m.entryIds().size() == 1 && !recorded.contains(m.bankLineId())) {
                onNewLines.put(m.bankLineId(), m);
            }
        }
        Map<String, BankLine> fresh = new java.util.LinkedHashMap<>();
        lines.stream().filter(l -> !recorded.contains(l.id())).forEach(l -> fresh.putIfAbsent(l.id(), l));
        repository.insertLines(access.companyId(), List.copyOf(fresh.values()), onNewLines, actor(access), clock.instant(),
                false);
        repository.insertMatches(access.companyId(),
                matches.stream().filter(m -> !onNewLines.containsKey(m.bankLineId())).toList(), actor(access),
                clock.instant());
    }

    /** What the engine makes of the lines not matched yet, against the candidates the filter admits; stores nothing. */
    private ReconciliationResult search(CompanyAccess access, List<BankLine> lines, ReconcileOptions options,
                                        ReconcileRepository.ItemFilter filter) {
        Set<String> matched = repository.matchedLineIds(access.companyId(), lines.stream().map(BankLine::id).toList());
        List<BankLine> open = lines.stream().filter(l -> !matched.contains(l.id())).toList();
        return new MatchingEngine(options).run(open, openItems(access, open, options, filter),
                repository.declined(access.companyId(), open.stream().map(BankLine::id).toList()));
    }

    private List<LedgerItem> openItems(CompanyAccess access, List<BankLine> lines, ReconcileOptions options,
                                       ReconcileRepository.ItemFilter filter) {
        if (lines.isEmpty()) {
            return List.of();
        }
        LocalDate from = lines.stream().map(BankLine::date).min(Comparator.naturalOrder()).orElseThrow()
                .minusDays(options.dateWindowDays());
        LocalDate to = lines.stream().map(BankLine::date).max(Comparator.naturalOrder()).orElseThrow()
                .plusDays(options.dateWindowDays());
        Set<AccountId> accounts = lines.stream().map(BankLine::bankAccount).collect(Collectors.toSet());
        return repository.items(access.companyId(), accounts, from, to, filter);
    }

    private Match store(CompanyAccess access, BankLine line, List<JournalEntryId> entries, MatchKind kind, String reason) {
        List<String> ids = entries.stream().map(JournalEntryId::toString).distinct().sorted().toList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("reconcile.no_entries", "Name at least one journal entry to match bank line "
                    + line.id() + " to.");
        }
        repository.matchOf(access.companyId(), line.id()).ifPresent(m -> {
            throw new ConflictException("reconcile.line_matched", "Bank line " + line.id() + " is matched already ("
                    + m.kind() + ", entries " + String.join(", ", m.entryIds()) + "); unmatch it first.");
        });
        Map<String, ReconcileRepository.ItemState> states = repository.itemStates(access.companyId(), line.bankAccount(), ids);
        Map<String, String> matchedTo = repository.lineOfEntries(access.companyId(), ids);
        long sum = 0;
        for (String id : ids) {
            ReconcileRepository.ItemState state = states.get(id);
            if (state == null) {
                throw new NotFoundException("entry.not_found", "No journal entry " + id + " in this company.");
            }
            if (state.status() == EntryStatus.REJECTED) {
                throw new ConflictException("reconcile.entry_rejected", "Journal entry " + id + " is rejected and"
                        + " doesn't count; match the bank line to a live entry.");
            }
            if (state.cancelled()) {
                throw new ConflictException("reconcile.entry_reversed", "Journal entry " + id + " is a reversal or has"
                        + " been reversed, so it and its reversal cancel out; match the bank line to the corrected entry.");
            }
            if (state.item().amount().isZero()) {
                throw new InvalidInputException("reconcile.entry_account", "Journal entry " + id + " doesn't move bank"
                        + " account " + line.bankAccount() + " of bank line " + line.id() + "; pick an entry on that account.");
            }
            if (matchedTo.containsKey(id)) {
                throw new ConflictException("reconcile.entry_matched", "Journal entry " + id + " is matched to bank"
                        + " line " + matchedTo.get(id) + " already; unmatch that line first.");
            }
            if (!state.item().amount().currency().equals(line.amount().currency())) {
                throw new InvalidInputException("reconcile.currency", "Journal entry " + id + " is in "
                        + state.item().amount().currency() + " but bank line " + line.id() + " is " + line.amount() + ".");
            }
            sum += state.item().amount().minorUnits();
        }
        if (sum != line.amount().minorUnits()) {
            Money total = Money.ofMinor(sum, line.amount().currency());
            throw new InvalidInputException("reconcile.amounts_differ", "The entries move the bank account by " + total
                    + " but bank line " + line.id() + " is " + line.amount() + " (difference "
                    + line.amount().minus(total) + "); book the difference, such as a bank fee, as an entry and include it.");
        }
        Match match = new Match(line.id(), ids, kind, 10_000, reason);
        matchesStored();
        try {
            repository.insertMatches(access.companyId(), List.of(match), actor(access), clock.instant());
        } catch (DataAccessException e) {
            throw conflictOrRethrow(e, "Bank line " + line.id() + " or one of its entries was matched by someone else"
                    + " just now; reload and try again.");
        }
        return match;
    }

    /** Notes in the transaction that it stores matches, after which {@link #linkCreated} looks every entry up. */
    private void matchesStored() {
        TransactionScoped.get(this, MatchesStored.class, MatchesStored::new);
    }

    /** The mark {@link #matchesStored} leaves. */
    private record MatchesStored() {
    }

    /** A unique-key violation means someone matched the same line or entry concurrently. */
    private static RuntimeException conflictOrRethrow(DataAccessException e, String message) {
        if (SqlErrors.uniqueViolation(e)) {
            return new ConflictException("reconcile.concurrent", message);
        }
        return e;
    }

    private BankLine recordedLine(CompanyAccess access, String bankLineId) {
        return repository.line(access.companyId(), bankLineId).orElseThrow(() -> new NotFoundException(
                "reconcile.line_not_found", "No bank line " + bankLineId + " has been given to the reconciler in this"
                + " company; reconcile its statement first."));
    }

    private void requireBankAccounts(CompanyAccess access, List<BankLine> lines) {
        Set<AccountId> banks = ledger.accounts(access).stream().filter(Account::bank).map(Account::id)
                .collect(Collectors.toSet());
        for (BankLine line : lines) {
            if (!banks.contains(line.bankAccount())) {
                throw new NotFoundException("reconcile.account", "Bank line " + line.id() + " names account "
                        + line.bankAccount() + ", which is not a bank account of this company; import it into one of"
                        + " its bank or card accounts.");
            }
        }
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("reconcile.period", "A period needs a start on or before its end; got "
                    + from + " to " + to + ".");
        }
    }

    private static String actor(CompanyAccess access) {
        return access.user().map(Object::toString).orElse(null);
    }
}

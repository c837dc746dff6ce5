package ai.bookkeeper.review;

import ai.bookkeeper.categorize.Allocation;
import ai.bookkeeper.categorize.AutoApprovalPolicy;
import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.categorize.Suggestion;
import ai.bookkeeper.categorize.TransactionFacts;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.ledger.Side;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns categorized bank transactions into balanced journal entries against their bank account: approved at once
 * when the suggestion is confident enough for the company's policy, otherwise proposed and queued for review.
 */
@Service
public class Proposals {

    /**
     * What one proposing run did.
     *
     * @param booked the entry booked for each transaction this run proposed, by transaction id (empty when none)
     */
    public record Result(int proposed, int autoApproved, int queued, int alreadyProposed,
                         Map<String, JournalEntryId> booked) {

        /** Nothing to propose. */
        public static final Result NONE = new Result(0, 0, 0, 0, Map.of());

        public Result {
            booked = Map.copyOf(booked);
        }
    }

    /** Two legs of a transfer between the company's own bank accounts: booked once, as one entry. */
    public record TransferPair(TransactionFacts outgoing, TransactionFacts incoming) {
    }

    private final Categorizer categorizer;
    private final Ledger ledger;
    private final ReviewRepository repository;
    private final Clock clock;
    private final TransactionTemplate writes;

    Proposals(Categorizer categorizer, Ledger ledger, ReviewRepository repository, Clock clock,
              PlatformTransactionManager transactionManager) {
        this.writes = new TransactionTemplate(transactionManager);
        this.categorizer = categorizer;
        this.ledger = ledger;
        this.repository = repository;
        this.clock = clock;
    }

    /** Categorizes and books every transaction not proposed before. Idempotent: a second run adds nothing. */
    public Result proposeAll(CompanyAccess access, List<TransactionFacts> transactions) {
        return proposeAll(access, transactions, null);
    }

    /**
     * As {@link #proposeAll(CompanyAccess, List)}, with the suggestions the caller already asked the categorizer
     * for (so a pipeline that times or inspects categorization does not categorize twice).
     *
     * <p>Everything but the writing is done before the write transaction begins (on SQLite, before taking the one
     * write lock that every company's imports share): which transactions are new, their suggestions, the policy's
     * decisions and the entries' lines. The transaction then checks again which are new, since another run may
     * have proposed some meanwhile, and books the rest, so nothing is booked twice. What this run reads before that
     * is not re-read: a change to the approval threshold or the chart made meanwhile applies from the next run, and
     * what the categorizer remembers of its own calls (when it categorizes here) is kept even if the booking fails.
     *
     * @param suggestions {@code Categorizer.suggestAll} of exactly {@code transactions}, in the same order; null to
     *                    categorize here
     */
    public Result proposeAll(CompanyAccess access, List<TransactionFacts> transactions, List<Suggestion> suggestions) {
        return propose(access, transactions, suggestions, () -> { }, booked -> { });
    }

    /**
     * As {@link #proposeAll(CompanyAccess, List, List)}, then runs {@code inTheSameTransaction} with the result inside
     * the write transaction that booked it, so that what it writes, such as the bank lines' links to the entries booked
     * from them, commits or rolls back with the booking. Not run when nothing was new before that transaction began;
     * run with nothing booked when another run proposed them all in the meantime.
     */
    public Result proposeAll(CompanyAccess access, List<TransactionFacts> transactions, List<Suggestion> suggestions,
                             Consumer<Result> inTheSameTransaction) {
        return propose(access, transactions, suggestions, () -> { }, inTheSameTransaction);
    }

    /** As above; {@code beforeBooking} runs between the preparing and the write transaction (tests race it there). */
    Result proposeAll(CompanyAccess access, List<TransactionFacts> transactions, List<Suggestion> suggestions,
                      Runnable beforeBooking) {
        return propose(access, transactions, suggestions, beforeBooking, booked -> { });
    }

    private Result propose(CompanyAccess access, List<TransactionFacts> transactions, List<Suggestion> suggestions,
                           Runnable beforeBooking, Consumer<Result> inTheSameTransaction) {
        access.require(Role.ACCOUNTANT, "propose journal entries");
        if (suggestions != null && suggestions.size() != transactions.size()) {
            throw new IllegalArgumentException("one suggestion per transaction: " + suggestions.size() + " for "
                    + transactions.size());
        }
        Set<String> done = repository.existing(access.companyId(), transactions.stream().map(TransactionFacts::transactionId).toList());
        List<TransactionFacts> fresh = transactions.stream().filter(t -> !done.contains(t.transactionId())).toList();
        if (fresh.isEmpty()) {
            return new Result(0, 0, 0, transactions.size(), Map.of());
        }
        for (TransactionFacts t : fresh) {
            if (t.bankAccount() == null || t.amount().isZero()) {
                throw new InvalidInputException("proposal.transaction", "Transaction " + t.transactionId()
                        + " has no bank account or a zero amount; it can't be booked.");
            }
        }
        List<Suggestion> freshSuggestions;
        if (suggestions == null) {
            freshSuggestions = categorizer.suggestAll(access, fresh);
        } else {
            freshSuggestions = new ArrayList<>(fresh.size());
            for (int i = 0; i < transactions.size(); i++) {
                if (!done.contains(transactions.get(i).transactionId())) {
                    freshSuggestions.add(suggestions.get(i));
                }
            }
        }
        AutoApprovalPolicy policy = categorizer.policy(access);
        Map<String, Account> byCode = ledger.accounts(access).stream()
                .collect(Collectors.toMap(Account::code, Function.identity()));
        List<Prepared> prepared = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            TransactionFacts t = fresh.get(i);
            Suggestion s = freshSuggestions.get(i);
            boolean approve = policy.decide(t, s).approved();
            prepared.add(new Prepared(t, s, approve, new Ledger.Booking(new NewEntry(t.date(), t.description(),
                    AutoApprovalPolicy.memo(s), EntrySource.BANK, lines(t, s, byCode)),
                    approve ? EntryStatus.APPROVED : EntryStatus.PROPOSED)));
        }
        beforeBooking.run();
        return writes.execute(status -> {
            Result result = book(access, prepared, transactions.size());
            inTheSameTransaction.accept(result);
            return result;
        });
    }

    /** A new transaction with its suggestion, the policy's decision and the entry to book. */
    private record Prepared(TransactionFacts transaction, Suggestion suggestion, boolean approve,
                            Ledger.Booking booking) {
    }

    private Result book(CompanyAccess access, List<Prepared> prepared, int asked) {
        Set<String> since = repository.existing(access.companyId(),
                prepared.stream().map(p -> p.transaction().transactionId()).toList());
        List<Prepared> fresh = since.isEmpty() ? prepared
                : prepared.stream().filter(p -> !since.contains(p.transaction().transactionId())).toList();
        if (fresh.isEmpty()) {
            return new Result(0, 0, 0, asked, Map.of());
        }
        List<JournalEntry> entries = ledger.bookAll(access, fresh.stream().map(Prepared::booking).toList());
        List<ReviewRepository.NewRow> rows = new ArrayList<>(fresh.size());
        int auto = 0;
        Map<String, JournalEntryId> booked = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            TransactionFacts t = fresh.get(i).transaction();
            Suggestion s = fresh.get(i).suggestion();
            boolean approve = fresh.get(i).approve();
            booked.put(t.transactionId(), entries.get(i).id());
            auto += approve ? 1 : 0;
            String predicted = s.primaryAccountCode().orElse(null);
            rows.add(new ReviewRepository.NewRow(new Proposal(t.transactionId(), entries.get(i).id(), t.date(),
                    t.description(), t.counterparty(), t.amount(), predicted, s.confidence(), s.tier().name(), s.source(),
                    s.rationale(), s.similarExamples(), s.llmExchange(), approve ? Outcome.AUTO_APPROVED : Outcome.QUEUED,
                    approve ? predicted : null), t.bankAccount()));
        }
        repository.insertAll(access.companyId(), rows, null, clock.instant());
        return new Result(fresh.size(), auto, fresh.size() - auto, asked - fresh.size(), booked);
    }

    /** Which of these transaction ids have no proposal yet (neither proposed, matched, nor booked as a transfer). */
    public Set<String> unproposed(CompanyAccess access, List<String> transactionIds) {
        Set<String> done = repository.existing(access.companyId(), transactionIds);
        return transactionIds.stream().filter(id -> !done.contains(id)).collect(Collectors.toSet());
    }

    /**
     * Books each transfer between two own bank accounts once, from the outgoing leg's account to the incoming one's,
     * all in one transaction: a pair either of whose legs has a proposal already is left alone (counted as already
     * proposed). Every pair is checked before anything is booked, so a malformed one books none.
     */
    @Transactional
    public Result proposeTransfers(CompanyAccess access, List<TransferPair> pairs) {
        access.require(Role.ACCOUNTANT, "propose journal entries");
        if (pairs.isEmpty()) {
            return Result.NONE;
        }
        List<String> legIds = new ArrayList<>(pairs.size() * 2);
        for (TransferPair pair : pairs) {
            TransactionFacts out = pair.outgoing();
            TransactionFacts in = pair.incoming();
            if (!out.amount().negate().equals(in.amount()) || out.amount().isPositive()) {
                throw new InvalidInputException("transfer.amounts", "A transfer's legs must be the same amount out and"
                        + " in; got " + out.amount() + " and " + in.amount() + ".");
            }
            legIds.add(out.transactionId());
            legIds.add(in.transactionId());
        }
        Set<String> done = repository.existing(access.companyId(), legIds);
        List<TransferPair> fresh = pairs.stream().filter(p -> !done.contains(p.outgoing().transactionId())
                && !done.contains(p.incoming().transactionId())).toList();
        if (fresh.isEmpty()) {
            return new Result(0, 0, 0, pairs.size() * 2, Map.of());
        }
        List<Ledger.Booking> bookings = new ArrayList<>(fresh.size());
        for (TransferPair pair : fresh) {
            TransactionFacts out = pair.outgoing();
            TransactionFacts in = pair.incoming();
            bookings.add(new Ledger.Booking(new NewEntry(out.date(), "Transfer: " + out.description(),
                    "[TRANSFER] both legs of a transfer between own accounts", EntrySource.BANK,
                    List.of(JournalLine.debit(in.bankAccount(), in.amount()),
                            JournalLine.credit(out.bankAccount(), in.amount()))),
                    EntryStatus.APPROVED));
        }
        List<JournalEntry> entries = ledger.bookAll(access, bookings);
        Map<AccountId, String> codes = new HashMap<>();
        ledger.accounts(access).forEach(a -> codes.put(a.id(), a.code()));
        List<ReviewRepository.NewRow> rows = new ArrayList<>(fresh.size() * 2);
        Map<String, JournalEntryId> booked = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            TransferPair pair = fresh.get(i);
            JournalEntry entry = entries.get(i);
            String targetCode = codes.get(pair.incoming().bankAccount());
            for (TransactionFacts leg : List.of(pair.outgoing(), pair.incoming())) {
                rows.add(new ReviewRepository.NewRow(new Proposal(leg.transactionId(), entry.id(), leg.date(),
                        leg.description(), leg.counterparty(), leg.amount(), targetCode, BigDecimal.ONE, "TRANSFER",
                        "transfer-pair", "paired with the other leg of the transfer", List.of(), null,
                        Outcome.AUTO_APPROVED, targetCode), leg.bankAccount()));
                booked.put(leg.transactionId(), entry.id());
            }
        }
        repository.insertAll(access.companyId(), rows, null, clock.instant());
        int legs = fresh.size() * 2;
        return new Result(legs, legs, 0, pairs.size() * 2 - legs, booked);
    }

    /** A bank transaction that settles an entry booked before it arrived (from a receipt, a bill, by hand). */
    public record Settled(TransactionFacts transaction, JournalEntryId entry, String reason) {
    }

    /**
     * Records, in one transaction, that these bank transactions settle entries that already existed (match before
     * create): each is done, with the entry it settles, and is not proposed.
     */
    @Transactional
    public void recordMatched(CompanyAccess access, List<Settled> settled) {
        access.require(Role.ACCOUNTANT, "reconcile");
        if (settled.isEmpty()) {
            return;
        }
        List<ReviewRepository.NewRow> rows = new ArrayList<>(settled.size());
        for (Settled s : settled) {
            TransactionFacts t = s.transaction();
            rows.add(new ReviewRepository.NewRow(new Proposal(t.transactionId(), s.entry(), t.date(), t.description(),
                    t.counterparty(), t.amount(), null, BigDecimal.ONE, "MATCH", "match-before-create", s.reason(),
                    List.of(), null, Outcome.MATCHED, null), t.bankAccount()));
        }
        repository.insertAll(access.companyId(), rows, null, clock.instant());
    }

    /**
     * The entry's lines: the bank side for the whole amount, the other side split as the suggestion says. Without a
     * suggestion, a placeholder (first income account for money in, first expense account for money out) keeps the
     * entry balanced while it waits for review at confidence 0.
     */
    static List<JournalLine> lines(TransactionFacts t, Suggestion s, Map<String, Account> byCode) {
        boolean inflow = t.inflow();
        Side otherSide = inflow ? Side.CREDIT : Side.DEBIT;
        List<JournalLine> lines = new ArrayList<>();
        lines.add(new JournalLine(t.bankAccount(), otherSide.opposite(), t.amount().abs(), null));
        if (s.allocations().isEmpty()) {
            AccountType type = inflow ? AccountType.INCOME : AccountType.EXPENSE;
            AccountId placeholder = byCode.values().stream().filter(a -> a.type() == type)
                    .min(java.util.Comparator.comparing(Account::code)).orElseThrow().id();
            lines.add(new JournalLine(placeholder, otherSide, t.amount().abs(), "no suggestion: review"));
        } else {
            for (Allocation a : s.allocations()) {
                lines.add(new JournalLine(a.accountId(), otherSide, a.amount(), a.memo()));
            }
        }
        return lines;
    }
}

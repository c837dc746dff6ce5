package ai.bookkeeper.pipeline;

import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.categorize.Suggestion;
import ai.bookkeeper.categorize.TransactionFacts;
import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportBatchId;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ingest.TransactionStatus;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.platform.PlannerStatistics;
import ai.bookkeeper.reconcile.BankLine;
import ai.bookkeeper.reconcile.Match;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.ReconciliationResult;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.review.Proposals;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What happens to newly imported bank transactions: a transfer between own accounts is booked once for both legs;
 * a line that settles an entry booked already (from a receipt, a bill, by hand) is matched to it; every other line
 * is categorized and proposed (approved at once when confident); then the lines are reconciled.
 */
@Service
public class Pipeline {

    /** What one run did. */
    public record Outcome(int transactions, int proposed, int autoApproved, int queued, int transfers,
                          int matchedExisting, int reconciled, int skipped) {
    }

    /** Where a run's time goes, stage by stage (the {@code bench} command prints it). */
    interface Stages {
        Stages NONE = (stage, nanos) -> { };

        void spent(String stage, long nanos);
    }

    /** Importing, and reading the open imports' transactions back. */
    static final String INGEST = "ingest";
    static final String PROPOSE = "propose";
    static final String CATEGORIZE = "categorize";
    static final String RECONCILE = "reconcile";
    /**
     * From this many transactions on, an import is a bulk write after which the planner's statistics are refreshed
     * (on PostgreSQL); smaller ones are left to autovacuum, as the check itself costs a catalog query.
     */
    static final int BULK = 500;

    private final Proposals proposals;
    private final Reconciler reconciler;
    private final BankTransactions bankTransactions;
    private final Categorizer categorizer;
    private final PlannerStatistics statistics;

    Pipeline(Proposals proposals, Reconciler reconciler, BankTransactions bankTransactions,
             Categorizer categorizer, PlannerStatistics statistics) {
        this.statistics = statistics;
        this.proposals = proposals;
        this.reconciler = reconciler;
        this.bankTransactions = bankTransactions;
        this.categorizer = categorizer;
    }

    /**
     * Reconciles the company's booked bank transactions dated in [from, to] (either may be null for open-ended)
     * against its entries: ingestion's transactions adapted to the reconciler's bank lines, as reconcile may not
     * depend on ingest.
     */
    public ReconciliationResult reconcile(CompanyAccess access, LocalDate from, LocalDate to, ReconcileOptions options) {
        List<BankTransaction> booked = new ArrayList<>();
        bankTransactions.forEach(access, TransactionFilter.all().between(from, to).status(TransactionStatus.BOOKED),
                booked::add);
        return reconciler.reconcile(access, lines(booked), options);
    }

    public Outcome process(CompanyAccess access, List<BankTransaction> transactions) {
        return process(access, transactions, Stages.NONE);
    }

    /**
     * Times three stages: categorize (the suggestions), propose (transfers, match-before-create, booking the
     * proposals) and reconcile.
     */
    Outcome process(CompanyAccess access, List<BankTransaction> transactions, Stages stages) {
        long t0 = System.nanoTime();
        boolean bulk = transactions.size() >= BULK;
        if (bulk) {
            statistics.refresh(); // the import just stored the transactions: plan the booking with them counted
        }
        List<BankTransaction> booked = new ArrayList<>();
        int skipped = 0;
        for (BankTransaction t : transactions) {
            // a pending line waits for its booked twin; a booked line that confirms a pending one is the one we keep
            if (t.status() == TransactionStatus.PENDING) {
                skipped++;
            } else {
                booked.add(t);
            }
        }
        Map<String, List<BankTransaction>> transferLegs = new LinkedHashMap<>();
        List<BankTransaction> ordinary = new ArrayList<>();
        for (BankTransaction t : booked) {
            if (t.isTransferLeg()) {
                transferLegs.computeIfAbsent(t.transferPair().toString(), k -> new ArrayList<>()).add(t);
            } else {
                ordinary.add(t);
            }
        }
        List<Proposals.TransferPair> pairs = new ArrayList<>();
        for (List<BankTransaction> legs : transferLegs.values()) {
            if (legs.size() == 2) {
                BankTransaction out = legs.get(0).amount().isNegative() ? legs.get(0) : legs.get(1);
                BankTransaction in = out == legs.get(0) ? legs.get(1) : legs.get(0);
                pairs.add(new Proposals.TransferPair(facts(out), facts(in)));
            } else {
                ordinary.addAll(legs); // the other leg is not here (yet): book this one on its own
            }
        }
        int transfers = pairs.isEmpty() ? 0 : proposals.proposeTransfers(access, pairs).proposed();
        List<Match> existing = ordinary.isEmpty() ? List.of() : reconciler.matchBeforeCreate(access, lines(ordinary));
        Map<String, Match> matchedLines = new LinkedHashMap<>();
        existing.forEach(m -> matchedLines.put(m.bankLineId(), m));
        List<TransactionFacts> toPropose = new ArrayList<>();
        List<Proposals.Settled> settledBefore = new ArrayList<>();
        for (BankTransaction t : ordinary) {
            Match match = matchedLines.get(t.id().toString());
            if (match != null) {
                settledBefore.add(new Proposals.Settled(facts(t),
                        new JournalEntryId(UUID.fromString(match.entryIds().get(0))), match.reason()));
            } else {
                toPropose.add(facts(t));
            }
        }
        // each of these is a transaction (on SQLite, a turn at the write lock): none is opened for nothing
        if (!settledBefore.isEmpty()) {
            proposals.recordMatched(access, settledBefore);
        }
        long t1 = System.nanoTime();
        List<Suggestion> suggestions = toPropose.isEmpty() ? List.of() : categorizer.suggestAll(access, toPropose);
        long t2 = System.nanoTime();
        // each line booked from is linked to its entry in the booking's own transaction: one turn at the write lock,
        // and the reconciler need not look up entries that nothing outside the transaction can have touched
        List<Reconciler.Booked> created = new ArrayList<>(toPropose.size());
        int[] linked = {0};
        long[] linking = {0};
        Proposals.Result result = toPropose.isEmpty() ? Proposals.Result.NONE
                : proposals.proposeAll(access, toPropose, suggestions, booking -> {
                    long l0 = System.nanoTime();
                    for (TransactionFacts t : toPropose) {
                        JournalEntryId entry = booking.booked().get(t.transactionId());
                        if (entry != null) {
                            created.add(new Reconciler.Booked(new BankLine(t.transactionId(), t.bankAccount(), t.date(),
                                    t.amount(), t.description()), entry));
                        }
                    }
                    try {
                        linked[0] = created.isEmpty() ? 0 : reconciler.linkCreated(access, created).size();
                    } catch (ConflictException e) {
                        throw new ConflictException("pipeline.link_conflict", "Another reconciliation of these bank"
                                + " accounts stored matches while this import's entries were being linked to their bank"
                                + " lines, so the booking was undone with the linking; process the import again. ("
                                + e.getMessage() + ")");
                    }
                    linking[0] = System.nanoTime() - l0;
                });
        long t3 = System.nanoTime();
        // what is left for the engine: transfer legs and lines nothing was booked from (a line booked from is linked
        // now, or was matched before; either way it is settled)
        Set<String> settled = new HashSet<>(matchedLines.keySet());
        created.forEach(b -> settled.add(b.line().id()));
        List<BankTransaction> rest = booked.stream().filter(t -> !settled.contains(t.id().toString())).toList();
        ReconciliationResult reconciled = rest.isEmpty() ? null
                : reconciler.reconcile(access, lines(rest), ReconcileOptions.defaults());
        if (bulk) {
            statistics.refresh(); // and the next import with the entries, proposals and matches counted
        }
        stages.spent(CATEGORIZE, t2 - t1);
        stages.spent(PROPOSE, (t1 - t0) + (t3 - t2) - linking[0]);
        stages.spent(RECONCILE, System.nanoTime() - t3 + linking[0]);
        return new Outcome(transactions.size(), result.proposed(), result.autoApproved(), result.queued(), transfers,
                matchedLines.size(), linked[0] + (reconciled == null ? 0 : reconciled.matches().size()) + matchedLines.size(),
                skipped);
    }

    /** The transactions of the imports that {@link #processImports} took up, and what became of them. */
    public record Processed(List<BankTransaction> transactions, Outcome outcome) {
    }

    /**
     * What an import job does after importing: runs {@link #process} over the transactions of the company's open
     * imports (normally the one just made; also any that an earlier job imported but stopped before processing) that
     * nothing was proposed, matched or booked for yet, then closes those imports. Reads only the open imports'
     * transactions, so that its cost follows the import, not the size of the books. Safe to repeat after a crash at
     * any point: what was proposed is not proposed again, and an import stays open until its transactions are done.
     */
    public Processed processImports(CompanyAccess access) {
        return processImports(access, Stages.NONE);
    }

    Processed processImports(CompanyAccess access, Stages stages) {
        long t0 = System.nanoTime();
        List<ImportBatchId> imports = bankTransactions.openImports(access);
        List<BankTransaction> transactions = new ArrayList<>();
        for (ImportBatchId batch : imports) {
            transactions.addAll(bankTransactions.transactions(access, TransactionFilter.all().batch(batch)));
        }
        Set<String> open = proposals.unproposed(access, transactions.stream().map(t -> t.id().toString()).toList());
        List<BankTransaction> fresh = transactions.stream().filter(t -> open.contains(t.id().toString())).toList();
        stages.spent(INGEST, System.nanoTime() - t0);
        Outcome outcome = process(access, fresh, stages);
        bankTransactions.closeImports(access, imports);
        return new Processed(fresh, outcome);
    }

    static TransactionFacts facts(BankTransaction t) {
        return new TransactionFacts(t.id().toString(), t.bookingDate(), t.amount(), t.description(), t.counterparty(),
                t.bankAccount());
    }

    static List<BankLine> lines(List<BankTransaction> transactions) {
        return transactions.stream().map(t -> new BankLine(t.id().toString(), t.bankAccount(), t.bookingDate(),
                t.amount(), t.description())).toList();
    }
}

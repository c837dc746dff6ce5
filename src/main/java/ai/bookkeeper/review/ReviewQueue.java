package ai.bookkeeper.review;

import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.categorize.ReviewOutcome;
import ai.bookkeeper.categorize.Rule;
import ai.bookkeeper.categorize.TransactionFacts;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue and the decisions on it. Each decision moves the entry in the ledger, is recorded with who and
 * when, and teaches the categorizer at once (vendor memory) — no retrain on the hot path.
 */
@Service
public class ReviewQueue {

    /** A queued proposal with its entry, as a reviewer sees it. */
    public record Item(Proposal proposal, JournalEntry entry) {
    }

    /** Proposals decided automatically and by people in one month. */
    public record MonthlyAutomation(String month, int total, int autoApproved, int reviewed, int queued) {
        /** Share of the month's proposals approved without a person, in percent with one decimal. */
        public double automationPercent() {
            return total == 0 ? 0 : Math.round(autoApproved * 1000.0 / total) / 10.0;
        }
    }

    private final ReviewRepository repository;
    private final Ledger ledger;
    private final Categorizer categorizer;
    private final Tenancy tenancy;
    private final Clock clock;

    ReviewQueue(ReviewRepository repository, Ledger ledger, Categorizer categorizer, Tenancy tenancy, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.categorizer = categorizer;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    public List<Item> queue(CompanyAccess access, LocalDate from, LocalDate to, int limit, int offset) {
        var currency = tenancy.company(access).currency();
        List<Item> items = new ArrayList<>();
        for (ReviewRepository.Stored s : repository.queue(access.companyId(), from, to, Math.min(Math.max(limit, 1), 500),
                Math.max(offset, 0), currency)) {
            items.add(new Item(s.proposal(), ledger.entry(access, s.proposal().entryId())));
        }
        return items;
    }

    public int pending(CompanyAccess access) {
        return repository.countQueued(access.companyId());
    }

    public Proposal proposal(CompanyAccess access, JournalEntryId entry) {
        return stored(access, entry).proposal();
    }

    /** Approves the suggestion as it stands. */
    @Transactional
    public JournalEntry approve(CompanyAccess access, JournalEntryId entryId, int version) {
        ReviewRepository.Stored stored = queued(access, entryId);
        JournalEntry approved = ledger.approve(access, entryId, version);
        String code = stored.proposal().predictedAccountCode();
        repository.decide(access.companyId(), stored.proposal().transactionId(), Outcome.APPROVED, code, actor(access), clock.instant());
        if (code != null) {
            categorizer.learn(access, facts(stored), code, ReviewOutcome.CONFIRMED);
        }
        return approved;
    }

    /** Books the whole non-bank side to {@code accountCode}, then approves: the reviewer's correction. */
    @Transactional
    public JournalEntry changeAccountAndApprove(CompanyAccess access, JournalEntryId entryId, int version, String accountCode) {
        ReviewRepository.Stored stored = queued(access, entryId);
        Account target = ledger.accountByCode(access, accountCode).orElseThrow(() -> new NotFoundException(
                "account.not_found", "No account " + accountCode + " in this company's chart; pick one of its accounts."));
        JournalEntry entry = ledger.entry(access, entryId);
        List<JournalLine> lines = new ArrayList<>();
        for (JournalLine line : entry.lines()) {
            if (line.account().equals(stored.bankAccount())) {
                lines.add(line);
            }
        }
        JournalLine bank = lines.get(0);
        lines.add(new JournalLine(target.id(), bank.side().opposite(), bank.amount(), "changed in review"));
        JournalEntry changed = ledger.changeLines(access, entryId, version, lines,
                entry.memo() + " | reviewer chose " + target.label());
        JournalEntry approved = ledger.approve(access, entryId, changed.version());
        boolean same = accountCode.equals(stored.proposal().predictedAccountCode());
        repository.decide(access.companyId(), stored.proposal().transactionId(), same ? Outcome.APPROVED : Outcome.CORRECTED,
                accountCode, actor(access), clock.instant());
        categorizer.learn(access, facts(stored), accountCode, same ? ReviewOutcome.CONFIRMED : ReviewOutcome.CORRECTED);
        return approved;
    }

    @Transactional
    public JournalEntry reject(CompanyAccess access, JournalEntryId entryId, int version) {
        ReviewRepository.Stored stored = queued(access, entryId);
        JournalEntry rejected = ledger.reject(access, entryId, version);
        repository.decide(access.companyId(), stored.proposal().transactionId(), Outcome.REJECTED, null, actor(access), clock.instant());
        return rejected;
    }

    /** Approves each listed entry at its current version; stops at the first that fails, approving none. */
    @Transactional
    public int bulkApprove(CompanyAccess access, List<JournalEntryId> entries) {
        for (JournalEntryId id : entries) {
            approve(access, id, ledger.entry(access, id).version());
        }
        return entries.size();
    }

    /** "Always file this vendor under that account": a rule from the decision on one entry. */
    @Transactional
    public Rule ruleFromDecision(CompanyAccess access, JournalEntryId entryId, String accountCode) {
        access.require(Role.ACCOUNTANT, "add categorization rules");
        return categorizer.ruleFromDecision(access, facts(stored(access, entryId)), accountCode);
    }

    /** Automation by month: how many proposals were approved without a person. */
    public List<MonthlyAutomation> automationByMonth(CompanyAccess access, LocalDate from, LocalDate to) {
        Map<String, int[]> months = new TreeMap<>();
        for (ReviewRepository.MonthOutcome m : repository.monthly(access.companyId(), from, to)) {
            int[] c = months.computeIfAbsent(m.month(), k -> new int[4]);
            c[0] += m.count();
            switch (m.outcome()) {
                case AUTO_APPROVED, MATCHED -> c[1] += m.count();
                case QUEUED -> c[3] += m.count();
                default -> c[2] += m.count();
            }
        }
        List<MonthlyAutomation> result = new ArrayList<>();
        months.forEach((month, c) -> result.add(new MonthlyAutomation(month, c[0], c[1], c[2], c[3])));
        return result;
    }

    /**
     * How many of these transactions' proposals each categorization tier made, by tier name in lower case ("none"
     * for a proposal without a tier); transactions without a proposal are not counted.
     */
    public Map<String, Long> proposalsByTier(CompanyAccess access, Collection<String> transactionIds) {
        access.require(Role.VIEWER, "read the review queue");
        Map<String, Long> byTier = new java.util.LinkedHashMap<>();
        repository.tierCounts(access.companyId(), transactionIds).forEach((tier, n) ->
                byTier.merge(tier.isEmpty() ? "none" : tier.toLowerCase(java.util.Locale.ROOT), n, Long::sum));
        return byTier;
    }

    /** Every proposal with its outcome, for measurement and the feedback dataset. */
    public List<Proposal> all(CompanyAccess access) {
        return repository.all(access.companyId(), tenancy.company(access).currency()).stream()
                .map(ReviewRepository.Stored::proposal).toList();
    }

    /**
     * The feedback dataset: one row per decided proposal (automatic or by a person), columns
     * {@code txn_id, description, predicted_account, approved_account, confidence, review_outcome, tier}.
     */
    public void writeFeedback(CompanyAccess access, Writer out, boolean header) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
        if (header) {
            csv.printRecord("txn_id", "description", "predicted_account", "approved_account", "confidence",
                    "review_outcome", "tier");
        }
        for (Proposal p : all(access)) {
            if (!p.outcome().isDecided() || p.outcome() == Outcome.MATCHED) {
                continue;
            }
            csv.printRecord(p.transactionId(), neutralize(p.description()), p.predictedAccountCode(),
                    p.approvedAccountCode(), p.confidence().toPlainString(), p.outcome().name().toLowerCase(java.util.Locale.ROOT),
                    p.tier());
        }
        csv.flush();
    }

    private static String neutralize(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private ReviewRepository.Stored stored(CompanyAccess access, JournalEntryId entry) {
        return repository.byEntry(access.companyId(), entry, tenancy.company(access).currency())
                .orElseThrow(() -> new NotFoundException("proposal.not_found", "Journal entry " + entry
                        + " did not come from a bank transaction; decide it in the journal instead."));
    }

    private ReviewRepository.Stored queued(CompanyAccess access, JournalEntryId entry) {
        access.require(Role.ACCOUNTANT, "review entries");
        ReviewRepository.Stored stored = stored(access, entry);
        if (stored.proposal().outcome() != Outcome.QUEUED) {
            throw new ConflictException("proposal.decided", "Journal entry " + entry + " was decided already ("
                    + stored.proposal().outcome() + "); reload the queue.");
        }
        return stored;
    }

    private static TransactionFacts facts(ReviewRepository.Stored s) {
        Proposal p = s.proposal();
        return new TransactionFacts(p.transactionId(), p.date(), p.amount(), p.description(), p.counterparty(), s.bankAccount());
    }

    private static String actor(CompanyAccess access) {
        return access.user().map(Object::toString).orElse(null);
    }
}

package ai.bookkeeper.pipeline;

import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.Document;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Receipts;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.reconcile.ReceiptDoc;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.report.Reports;
import ai.bookkeeper.review.Outcome;
import ai.bookkeeper.review.Proposal;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.simulate.SimulatedCompany;
import ai.bookkeeper.simulate.SimulationLayout;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one simulated company through the product, month by month as a bookkeeper would: import the month's
 * statement, let categorization propose and auto-approve, have the (simulated) reviewer decide the queue from the
 * ground truth, let the model learn, go on to the next month. Every prediction is made before the reviewer's answer
 * for it is learned, so accuracy is measured on data the model had not seen.
 */
@Component
class PilotRunner {

    static final String OWNER_PASSWORD = "bookkeeper-pilot";
    private static final int MIN_DECISIONS_TO_TRAIN = 25;

    private final Tenancy tenancy;
    private final Ledger ledger;
    private final Statements statements;
    private final BankTransactions bankTransactions;
    private final Receipts receipts;
    private final Pipeline pipeline;
    private final ReviewQueue review;
    private final Categorizer categorizer;
    private final Reconciler reconciler;
    private final Reports reports;
    private final JsonMapper json = JsonMapper.builder().build();

    PilotRunner(Tenancy tenancy, Ledger ledger, Statements statements, BankTransactions bankTransactions,
                Receipts receipts, Pipeline pipeline, ReviewQueue review, Categorizer categorizer, Reconciler reconciler,
                Reports reports) {
        this.tenancy = tenancy;
        this.ledger = ledger;
        this.statements = statements;
        this.bankTransactions = bankTransactions;
        this.receipts = receipts;
        this.pipeline = pipeline;
        this.review = review;
        this.categorizer = categorizer;
        this.reconciler = reconciler;
        this.reports = reports;
    }

    /** A company's run: its metrics, and each judged suggestion's confidence and correctness (for calibration). */
    record Run(CompanyAccess access, Company company, CompanyMetrics metrics, List<Double> confidences, List<Boolean> correct) {
    }

    Run run(SimulatedCompany simulated, Path dataDir, Consumer<String> progress) throws IOException {
        long started = System.nanoTime();
        List<String> errors = new ArrayList<>();
        User owner = tenancy.userByEmail(simulated.ownerEmail())
                .orElseGet(() -> tenancy.registerUser(simulated.ownerEmail(), simulated.ownerName(), OWNER_PASSWORD));
        Company company = tenancy.companyByName(simulated.name()).orElseGet(() -> tenancy.createCompany(owner.id(),
                new NewCompany(simulated.name(), simulated.businessType(), CurrencyCode.USD, 1, "America/New_York", null)));
        CompanyAccess access = tenancy.access(owner.id(), company.id());

        Path metadata = dataDir.resolve(SimulationLayout.METADATA).resolve(simulated.slug());
        Map<String, String> refByCode = linkStatementAccounts(access, json.readTree(metadata.resolve("coa.json").toFile()));
        bookOpeningBalances(access, json.readTree(metadata.resolve("company.json").toFile()));
        GroundTruth truth = GroundTruth.read(dataDir.resolve(SimulationLayout.TRUTH).resolve(simulated.slug()).resolve("ground_truth.csv"));
        Map<AccountId, String> refByAccount = new HashMap<>();
        for (Account a : ledger.accounts(access)) {
            if (refByCode.containsKey(a.code())) {
                refByAccount.put(a.id(), refByCode.get(a.code()));
            }
        }

        long duplicates = 0;
        long filesImported = 0;
        long filesFailed = 0;
        double ingestSeconds = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dataDir.resolve(SimulationLayout.CSV).resolve(simulated.slug()))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        Map<String, GroundTruth.Truth> truthByTransaction = new HashMap<>();
        int decisions = 0;
        for (Path file : files) {
            long t0 = System.nanoTime();
            ImportReport report = statements.importFile(access, file, ImportOptions.defaults());
            ingestSeconds += (System.nanoTime() - t0) / 1e9;
            if (!report.ok()) {
                filesFailed++;
                errors.add(report.summary());
                continue;
            }
            filesImported++;
            duplicates += report.duplicates();
            Pipeline.Processed processed = pipeline.processImports(access);
            remember(truth, refByAccount, processed.transactions(), truthByTransaction);
            int decided = reviewQueue(access, truthByTransaction);
            decisions += decided;
            // the model learns monthly, once there is enough reviewed history; vendor memory learns at every decision
            if (decided > 0 && decisions >= MIN_DECISIONS_TO_TRAIN) {
                categorizer.retrain(access);
            }
            progress.accept(file.getFileName().toString());
        }

        // a second run imports nothing new: the answer key still covers every transaction in the books
        remember(truth, refByAccount, bankTransactions.transactions(access, TransactionFilter.all()), truthByTransaction);
        long receiptCount = 0;
        long receiptsMatched = 0;
        Path docs = dataDir.resolve(SimulationLayout.DOCS).resolve(simulated.slug());
        if (Files.isDirectory(docs)) {
            // a receipt may come as text and as PDF: both are stored, one of them (the text) is matched
            Map<String, ReceiptDoc> receiptDocs = new LinkedHashMap<>();
            try (Stream<Path> list = Files.list(docs)) {
                for (Path doc : list.sorted().toList()) {
                    Document d = receipts.importDocument(access, doc);
                    String name = doc.getFileName().toString();
                    String receipt = name.substring(0, name.lastIndexOf('.'));
                    if (d.total() != null && d.date() != null && (name.endsWith(".txt") || !receiptDocs.containsKey(receipt))) {
                        receiptDocs.put(receipt, new ReceiptDoc(d.id().toString(), d.vendor(), d.date(), d.total()));
                    }
                }
            }
            receiptCount = receiptDocs.size();
            reconciler.receiptMatches(access, List.copyOf(receiptDocs.values()), ReconcileOptions.defaults());
            receiptsMatched = reconciler.linkedDocuments(access, receiptDocs.values().stream().map(ReceiptDoc::id).toList()).size();
        }
        List<Double> confidences = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        for (Proposal p : review.all(access)) {
            GroundTruth.Truth t = truthByTransaction.get(p.transactionId());
            if (t != null && p.outcome() != Outcome.MATCHED && !"TRANSFER".equals(p.tier())) {
                confidences.add(p.confidence().doubleValue());
                correct.add(t.accountCode().equals(p.predictedAccountCode()));
            }
        }
        return new Run(access, company, metrics(access, company, truthByTransaction, errors, ingestSeconds, duplicates,
                filesImported, filesFailed, receiptCount, receiptsMatched, (System.nanoTime() - started) / 1e9),
                confidences, correct);
    }

    private static void remember(GroundTruth truth, Map<AccountId, String> refByAccount, List<BankTransaction> transactions,
                                 Map<String, GroundTruth.Truth> into) {
        for (BankTransaction t : transactions) {
            truth.find(refByAccount.get(t.bankAccount()), t.bookingDate(), t.amount().toDecimal(), t.description(),
                    t.occurrence()).ifPresent(found -> into.put(t.id().toString(), found));
        }
    }

    /** The simulated reviewer: approves what the truth confirms, corrects the rest to the true account. */
    private int reviewQueue(CompanyAccess access, Map<String, GroundTruth.Truth> truth) {
        int decided = 0;
        List<ReviewQueue.Item> queue;
        while (!(queue = review.queue(access, null, null, 500, 0)).isEmpty()) {
            for (ReviewQueue.Item item : queue) {
                GroundTruth.Truth answer = truth.get(item.proposal().transactionId());
                if (answer == null) {
                    review.reject(access, item.entry().id(), item.entry().version());
                } else if (answer.accountCode().equals(item.proposal().predictedAccountCode())) {
                    review.approve(access, item.entry().id(), item.entry().version());
                } else {
                    review.changeAccountAndApprove(access, item.entry().id(), item.entry().version(), answer.accountCode());
                }
                decided++;
            }
        }
        return decided;
    }

    Map<String, String> linkStatementAccounts(CompanyAccess access, JsonNode coa) {
        Map<String, String> refByCode = new LinkedHashMap<>();
        for (JsonNode account : coa.path("accounts").isArray() ? coa.path("accounts") : coa) {
            if (account.path("bank").asBoolean(false) && account.hasNonNull("statement_account")) {
                String ref = account.path("statement_account").asText();
                String code = account.path("code").asText();
                statements.linkAccount(access, ref, code);
                refByCode.put(code, ref);
            }
        }
        return refByCode;
    }

    /** Opening balances from the metadata as one posted entry against owner's equity, once. */
    void bookOpeningBalances(CompanyAccess access, JsonNode about) {
        boolean booked = ledger.entries(access, EntryFilter.all()).stream().anyMatch(e -> e.source() == EntrySource.OPENING);
        JsonNode balances = about.path("opening_balances");
        if (booked || !balances.isArray() || balances.isEmpty()) {
            return;
        }
        LocalDate date = LocalDate.parse(about.path("first_month").asText() + "-01").minusDays(1);
        Account equity = ledger.accountByCode(access, "3000").orElseThrow();
        List<JournalLine> lines = new ArrayList<>();
        Money total = Money.zero(CurrencyCode.USD);
        for (JsonNode b : balances) {
            Money amount = Money.of(b.path("amount").asText(), CurrencyCode.USD);
            if (amount.isZero()) {
                continue;
            }
            Account bank = ledger.accountByCode(access, b.path("ledger_account").asText()).orElseThrow();
            lines.add(amount.isPositive() ? JournalLine.debit(bank.id(), amount) : JournalLine.credit(bank.id(), amount.negate()));
            total = total.plus(amount);
        }
        if (total.isPositive()) {
            lines.add(JournalLine.credit(equity.id(), total));
        } else if (total.isNegative()) {
            lines.add(JournalLine.debit(equity.id(), total.negate()));
        }
        if (lines.size() >= 2) {
            ledger.book(access, new NewEntry(date, "Opening balances", "from the first statements", EntrySource.OPENING, lines),
                    EntryStatus.POSTED);
        }
    }

    private CompanyMetrics metrics(CompanyAccess access, Company company, Map<String, GroundTruth.Truth> truth,
                                   List<String> errors, double ingestSeconds, long duplicates, long filesImported,
                                   long filesFailed, long receiptCount, long receiptsMatched, double seconds) {
        List<BankTransaction> all = bankTransactions.transactions(access, TransactionFilter.all());
        List<Proposal> proposals = review.all(access);
        long proposed = 0;
        long auto = 0;
        long autoRight = 0;
        long reviewed = 0;
        long corrected = 0;
        long transfers = 0;
        long judged = 0;
        long right = 0;
        Map<String, long[]> tiers = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p.outcome() == Outcome.MATCHED) {
                continue;
            }
            if ("TRANSFER".equals(p.tier())) {
                transfers++;
                continue;
            }
            proposed++;
            GroundTruth.Truth t = truth.get(p.transactionId());
            boolean correct = t != null && t.accountCode().equals(p.predictedAccountCode());
            if (t != null) {
                judged++;
                right += correct ? 1 : 0;
                long[] tier = tiers.computeIfAbsent(p.tier(), k -> new long[2]);
                tier[0]++;
                tier[1] += correct ? 1 : 0;
            }
            if (p.outcome() == Outcome.AUTO_APPROVED) {
                auto++;
                autoRight += correct ? 1 : 0;
            } else if (p.outcome() == Outcome.CORRECTED) {
                reviewed++;
                corrected++;
            } else if (p.outcome().isDecided()) {
                reviewed++;
            }
        }
        Map<String, Double> byTier = new LinkedHashMap<>();
        tiers.forEach((tier, c) -> byTier.put(tier, ratio(c[1], c[0])));
        LocalDate first = all.stream().map(BankTransaction::bookingDate).min(LocalDate::compareTo).orElse(LocalDate.now());
        LocalDate last = all.stream().map(BankTransaction::bookingDate).max(LocalDate::compareTo).orElse(LocalDate.now());
        var matches = reconciler.matches(access, first, last);
        BigDecimal rate = reconciler.rate(access, first, last);
        boolean trialZero = reports.trialBalance(access, last).isBalanced();
        boolean sheetBalances = reports.balanceSheet(access, last).balances();
        var checks = reconciler.balanceChecks(access, statements.closingBalances(access).stream()
                .map(b -> new ai.bookkeeper.reconcile.StatementBalance(b.bankAccount(), b.asOf(), b.balance())).toList());
        Map<String, Double> byMonth = new LinkedHashMap<>();
        review.automationByMonth(access, null, null).forEach(m -> byMonth.put(m.month(), m.automationPercent()));
        return new CompanyMetrics(company.id().toString(), company.name(), all.size(), proposed, auto, ratio(auto, proposed),
                matches.size(), rate.setScale(4, RoundingMode.HALF_EVEN).doubleValue(), round(ingestSeconds), List.copyOf(errors),
                ratio(right, judged), byTier, ratio(autoRight, auto), reviewed, corrected, receiptCount, receiptsMatched,
                duplicates, transfers, filesImported, filesFailed, trialZero, sheetBalances, checks.size(),
                checks.stream().filter(c -> !c.difference().isZero()).count(), byMonth, round(seconds));
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}

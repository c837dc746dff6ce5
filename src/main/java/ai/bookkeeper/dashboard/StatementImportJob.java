package ai.bookkeeper.dashboard;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.jobs.JobHandler;
import ai.bookkeeper.pipeline.Pipeline;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports statements uploaded in the dashboard, then runs what follows an import (transfers, match before create,
 * proposals with auto-approval, reconciliation) on the lines the import added. Payload:
 * {@code {"files": ["<stored name>", …], "account": "1000"}} ({@code account}, the ledger code for files that name
 * no account, may be absent). Safe to run again: a file imported already adds only duplicates, so nothing is booked
 * twice.
 */
@Component
class StatementImportJob implements JobHandler {

    static final String TYPE = "dashboard.statement.import";

    private final Uploads uploads;
    private final Statements statements;
    private final BankTransactions transactions;
    private final Pipeline pipeline;
    private final ObjectMapper json;

    StatementImportJob(Uploads uploads, Statements statements, BankTransactions transactions, Pipeline pipeline,
                       ObjectMapper json) {
        this.uploads = uploads;
        this.statements = statements;
        this.transactions = transactions;
        this.pipeline = pipeline;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(CompanyAccess access, String payload, Progress progress) {
        JsonNode request = json.readTree(payload);
        String account = request.path("account").isString() ? request.path("account").asString() : null;
        ImportOptions options = account == null || account.isBlank() ? ImportOptions.defaults()
                : ImportOptions.defaults().account(account);
        List<String> files = new ArrayList<>();
        request.path("files").forEach(f -> files.add(f.asString()));
        List<Map<String, Object>> results = new ArrayList<>();
        int fileNumber = 0;
        for (String stored : files) {
            fileNumber++;
            String shown = Uploads.displayName(stored);
            progress.report("Reading " + shown + " (file " + fileNumber + " of " + files.size() + ")");
            ImportReport report = statements.importFile(access, uploads.resolve(access.companyId(), stored), options);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", shown);
            result.put("ok", report.ok());
            result.put("summary", report.summary().replace(stored, shown));
            result.put("added", report.added());
            result.put("warnings", report.warnings());
            if (report.ok()) {
                List<BankTransaction> added = transactions.newSince(access, report.batch());
                progress.report("Categorizing and reconciling " + added.size() + " new transaction(s) of " + shown
                        + " (file " + fileNumber + " of " + files.size() + ")");
                Pipeline.Outcome outcome = pipeline.process(access, added);
                result.put("proposed", outcome.proposed());
                result.put("autoApproved", outcome.autoApproved());
                result.put("queued", outcome.queued());
                result.put("matchedExisting", outcome.matchedExisting());
                result.put("reconciled", outcome.reconciled());
            }
            results.add(result);
        }
        progress.report("Done: " + files.size() + " file(s)");
        return json.writeValueAsString(Map.of("files", results));
    }
}

package ai.bookkeeper.pipeline;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.jobs.JobHandler;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@value #TYPE}: imports uploaded statement files one by one, then runs each file's new transactions through the
 * {@link Pipeline}. A bad file is reported in the result and does not fail the job (retrying would not mend it); a
 * failure on our side fails the attempt and the queue retries it. A retry is harmless: imports skip what they have
 * stored already, and proposing skips transactions proposed already.
 */
@Component
class StatementImportJob implements JobHandler {

    static final String TYPE = "statement.import";
    private static final Logger log = LoggerFactory.getLogger(StatementImportJob.class);

    /** What the upload endpoint queues. */
    record Payload(List<UploadedFile> files, String account, String profile) {
    }

    record UploadedFile(String storedName, String name) {
    }

    record FileResult(String name, boolean ok, String summary, String status, long read, long added, long duplicates,
                      long rejected, String error, List<String> warnings, int proposed, int autoApproved, int queued,
                      int reconciled) {
        static FileResult of(UploadedFile file, ImportReport r, Pipeline.Outcome outcome) {
            return new FileResult(file.name(), r.ok(), r.summary().replace(file.storedName(), file.name()),
                    r.status().name(), r.read(), r.added(), r.duplicates(), r.rejected(),
                    r.error() == null ? null : r.error().replace(file.storedName(), file.name()), r.warnings(),
                    outcome == null ? 0 : outcome.proposed(), outcome == null ? 0 : outcome.autoApproved(),
                    outcome == null ? 0 : outcome.queued(), outcome == null ? 0 : outcome.reconciled());
        }
    }

    record Result(List<FileResult> files, int transactions, int proposed, int autoApproved, int queued, int transfers,
                  int matchedExisting, int reconciled) {
    }

    private final Statements statements;
    private final Pipeline pipeline;
    private final ReviewQueue review;
    private final Uploads uploads;
    private final PipelineMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();

    StatementImportJob(Statements statements, Pipeline pipeline, ReviewQueue review, Uploads uploads,
                       PipelineMetrics metrics) {
        this.statements = statements;
        this.pipeline = pipeline;
        this.review = review;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    static String payload(List<UploadedFile> files, String account, String profile) {
        return JsonMapper.builder().build().writeValueAsString(new Payload(files, account, profile));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(CompanyAccess access, String payloadJson, Progress progress) {
        MDC.put("companyId", access.companyId().toString());
        try {
            return json.writeValueAsString(importAll(access, json.readValue(payloadJson, Payload.class), progress));
        } finally {
            MDC.remove("companyId");
        }
    }

    private Result importAll(CompanyAccess access, Payload payload, Progress progress) {
        ImportOptions options = ImportOptions.defaults();
        if (payload.account() != null) {
            options = options.account(payload.account());
        }
        if (payload.profile() != null) {
            options = options.profile(payload.profile());
        }
        List<FileResult> files = new ArrayList<>();
        int[] totals = new int[7];
        int done = 0;
        for (UploadedFile file : payload.files()) {
            ImportReport report = statements.importFile(access, uploads.resolve(access.companyId(), file.storedName()), options);
            Pipeline.Outcome outcome = null;
            if (report.ok()) {
                // not only this import's new lines: also any a crashed earlier attempt imported but never proposed
                Pipeline.Processed processed = pipeline.processImports(access);
                outcome = processed.outcome();
                count(access, processed.transactions(), outcome);
                int[] add = {outcome.transactions(), outcome.proposed(), outcome.autoApproved(), outcome.queued(),
                        outcome.transfers(), outcome.matchedExisting(), outcome.reconciled()};
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += add[i];
                }
            } else {
                log.info("Statement {} was not imported: {}", file.name(), report.error());
            }
            files.add(FileResult.of(file, report, outcome));
            progress.report("imported " + (++done) + " of " + payload.files().size() + " files; last: "
                    + report.summary().replace(file.storedName(), file.name()));
        }
        return new Result(files, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6]);
    }

    private void count(CompanyAccess access, List<BankTransaction> fresh, Pipeline.Outcome outcome) {
        metrics.ingested(fresh.size());
        metrics.autoApproved(outcome.autoApproved());
        if (outcome.proposed() > 0) {
            Map<String, Long> byTier = review.proposalsByTier(access, fresh.stream().map(t -> t.id().toString()).toList());
            metrics.categorized(byTier);
        }
    }
}

package ai.bookkeeper.pipeline.web;

import ai.bookkeeper.pipeline.Pipeline;
import ai.bookkeeper.reconcile.Match;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.ReconciliationResult;
import ai.bookkeeper.reconcile.Suggestion;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs reconciliation over the company's imported bank transactions. It lives here, not in reconcile, because it
 * adapts ingestion's transactions to bank lines and reconcile may not depend on ingest.
 */
@RestController
@Validated
class ReconcileRunController {

    /**
     * @param from          first booking date; null for the earliest
     * @param to            last booking date; null for the latest
     * @param dateWindowDays how far apart a bank line and its entry may be; null for 3
     */
    record RunRequest(LocalDate from, LocalDate to, @Min(0) @Max(90) Integer dateWindowDays) {
    }

    record RunResult(int matched, int suggested, int unmatchedBankLines, int unmatchedEntries, List<Match> matches,
                     List<Suggestion> suggestions) {
    }

    private final Pipeline pipeline;

    ReconcileRunController(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping("/api/v1/companies/{companyId}/reconciliation/run")
    @RequiresRole(Role.ACCOUNTANT)
    RunResult run(CompanyAccess access, @RequestBody @Validated RunRequest body) {
        ReconcileOptions options = ReconcileOptions.defaults();
        if (body.dateWindowDays() != null) {
            options = options.withDateWindowDays(body.dateWindowDays());
        }
        ReconciliationResult result = pipeline.reconcile(access, body.from(), body.to(), options);
        return new RunResult(result.matches().size(), result.suggestions().size(), result.unmatchedLines().size(),
                result.unmatchedItems().size(), result.matches(), result.suggestions());
    }
}

package ai.bookkeeper.report.web;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.TrialBalance;
import ai.bookkeeper.report.BalanceSheet;
import ai.bookkeeper.report.GeneralLedger;
import ai.bookkeeper.report.ProfitAndLoss;
import ai.bookkeeper.report.ReportExport;
import ai.bookkeeper.report.Reports;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Financial statements as JSON, or as formula-safe CSV with {@code format=csv}. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/reports")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/trial-balance")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<?> trialBalance(CompanyAccess access, @RequestParam LocalDate asOf,
                                   @RequestParam(defaultValue = "json") String format) throws IOException {
        TrialBalance tb = reports.trialBalance(access, asOf);
        if ("csv".equals(format)) {
            StringWriter out = new StringWriter();
            ReportExport.csv(tb, out);
            return csv("trial_balance_" + asOf + ".csv", out);
        }
        return ResponseEntity.ok(tb);
    }

    @GetMapping("/profit-and-loss")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<?> profitAndLoss(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                    @RequestParam(defaultValue = "json") String format) throws IOException {
        ProfitAndLoss pnl = reports.profitAndLoss(access, from, to);
        if ("csv".equals(format)) {
            StringWriter out = new StringWriter();
            ReportExport.csv(pnl, out);
            return csv("profit_and_loss_" + from + "_" + to + ".csv", out);
        }
        return ResponseEntity.ok(pnl);
    }

    @GetMapping("/balance-sheet")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<?> balanceSheet(CompanyAccess access, @RequestParam LocalDate asOf,
                                   @RequestParam(defaultValue = "json") String format) throws IOException {
        BalanceSheet bs = reports.balanceSheet(access, asOf);
        if ("csv".equals(format)) {
            StringWriter out = new StringWriter();
            ReportExport.csv(bs, out);
            return csv("balance_sheet_" + asOf + ".csv", out);
        }
        return ResponseEntity.ok(bs);
    }

    @GetMapping("/general-ledger")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<?> generalLedger(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                    @RequestParam(required = false) UUID account,
                                    @RequestParam(defaultValue = "json") String format) throws IOException {
        GeneralLedger gl = reports.generalLedger(access, from, to, account == null ? null : new AccountId(account));
        if ("csv".equals(format)) {
            StringWriter out = new StringWriter();
            ReportExport.csv(gl, out);
            return csv("general_ledger_" + from + "_" + to + ".csv", out);
        }
        return ResponseEntity.ok(gl);
    }

    private static ResponseEntity<String> csv(String fileName, StringWriter body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(body.toString());
    }
}

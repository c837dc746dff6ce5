package ai.bookkeeper.dashboard;

import ai.bookkeeper.report.ReportExport;
import ai.bookkeeper.report.Reports;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Trial balance and balance sheet at the end of the range, profit and loss over it; each as formula-safe CSV too. */
@Controller
class ReportsController {

    private final Pages pages;
    private final Reports reports;

    ReportsController(Pages pages, Reports reports) {
        this.pages = pages;
        this.reports = reports;
    }

    @GetMapping("/app/companies/{companyId}/reports")
    String page(@PathVariable String companyId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        model.addAttribute("section", "reports");
        model.addAttribute("trialBalance", reports.trialBalance(page.access(), page.period().to()));
        model.addAttribute("pnl", reports.profitAndLoss(page.access(), page.period().from(), page.period().to()));
        model.addAttribute("balanceSheet", reports.balanceSheet(page.access(), page.period().to()));
        return "dashboard/reports";
    }

    @GetMapping("/app/companies/{companyId}/reports/{report}.csv")
    ResponseEntity<String> csv(@PathVariable String companyId, @PathVariable String report, HttpServletRequest request)
            throws IOException {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        var period = page.period();
        StringWriter out = new StringWriter();
        String name;
        switch (report) {
            case "trial-balance" -> {
                ReportExport.csv(reports.trialBalance(page.access(), period.to()), out);
                name = "trial-balance-" + period.to();
            }
            case "profit-and-loss" -> {
                ReportExport.csv(reports.profitAndLoss(page.access(), period.from(), period.to()), out);
                name = "profit-and-loss-" + period.from() + "-to-" + period.to();
            }
            case "balance-sheet" -> {
                ReportExport.csv(reports.balanceSheet(page.access(), period.to()), out);
                name = "balance-sheet-" + period.to();
            }
            default -> throw new ai.bookkeeper.shared.NotFoundException("report.not_found", "There is no report '"
                    + report + "'; there are trial-balance, profit-and-loss and balance-sheet.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString());
    }
}

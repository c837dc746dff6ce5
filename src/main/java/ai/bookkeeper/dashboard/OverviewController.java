package ai.bookkeeper.dashboard;

import ai.bookkeeper.review.ReviewQueue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** The overview: KPIs and the monthly charts (drawn by Chart.js from data attributes; a table holds the same numbers). */
@Controller
class OverviewController {

    private final Pages pages;
    private final Overview overview;
    private final ObjectMapper json;

    OverviewController(Pages pages, Overview overview, ObjectMapper json) {
        this.pages = pages;
        this.overview = overview;
        this.json = json;
    }

    @GetMapping("/app/companies/{companyId}")
    String overview(@PathVariable String companyId, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        List<ReviewQueue.MonthlyAutomation> automation = overview.automation(page.access(), page.period());
        List<Overview.MonthlyResult> results = overview.incomeAndExpenses(page.access(), page.period());
        model.addAttribute("section", "overview");
        model.addAttribute("kpis", overview.kpis(page.access(), page.period()));
        model.addAttribute("automation", automation);
        model.addAttribute("results", results);
        model.addAttribute("automationChart", json.writeValueAsString(chart(
                automation.stream().map(ReviewQueue.MonthlyAutomation::month).toList(),
                Map.of("Automation %", automation.stream().map(ReviewQueue.MonthlyAutomation::automationPercent).toList()))));
        Map<String, List<?>> series = new LinkedHashMap<>();
        series.put("Income", results.stream().map(r -> r.income().toDecimal()).toList());
        series.put("Expenses", results.stream().map(r -> r.expenses().toDecimal()).toList());
        model.addAttribute("resultsChart", json.writeValueAsString(chart(
                results.stream().map(Overview.MonthlyResult::month).toList(), series)));
        return "dashboard/overview";
    }

    private static Map<String, Object> chart(List<String> labels, Map<String, ? extends List<?>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("series", series);
        return chart;
    }
}

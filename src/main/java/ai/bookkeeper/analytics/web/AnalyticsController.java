package ai.bookkeeper.analytics.web;

import ai.bookkeeper.analytics.Analytics;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Automation over time and key figures of a period. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/analytics")
class AnalyticsController {

    record MonthView(String month, int total, int autoApproved, int reviewed, int queued, double automationPercent) {
        static MonthView of(ReviewQueue.MonthlyAutomation m) {
            return new MonthView(m.month(), m.total(), m.autoApproved(), m.reviewed(), m.queued(), m.automationPercent());
        }
    }

    private final Analytics analytics;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/automation")
    @RequiresRole(Role.VIEWER)
    List<MonthView> automation(CompanyAccess access, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to) {
        return analytics.automation(access, from, to).stream().map(MonthView::of).toList();
    }

    @GetMapping("/kpis")
    @RequiresRole(Role.VIEWER)
    Analytics.Kpis kpis(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return analytics.kpis(access, from, to);
    }
}

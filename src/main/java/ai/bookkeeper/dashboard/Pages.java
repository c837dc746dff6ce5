package ai.bookkeeper.dashboard;

import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.shared.UserId;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.web.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every company page starts with: the signed-in user's access to the company in the path (a non-member gets
 * "not found", as in the API), the date range, and the page frame's model (company selector, navigation, filter).
 */
@Component
class Pages {

    /** One company page's request: whose company, with which rights, over which dates. */
    record CompanyPage(CompanyAccess access, Company company, Period period, String base) {
        boolean canEdit() {
            return access.role().includes(Role.ACCOUNTANT);
        }
    }

    private final Tenancy tenancy;
    private final ReviewQueue review;
    private final Clock clock;

    Pages(Tenancy tenancy, ReviewQueue review, Clock clock) {
        this.tenancy = tenancy;
        this.review = review;
        this.clock = clock;
    }

    CompanyPage open(String companyId, String from, String to, HttpServletRequest request, Model model) {
        CompanyPage page = access(companyId, from, to, request);
        UserId user = CurrentUser.id();
        model.addAttribute("company", page.company());
        model.addAttribute("companies", tenancy.companiesOf(user));
        model.addAttribute("period", page.period());
        model.addAttribute("base", page.base());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("role", page.access().role());
        model.addAttribute("canEdit", page.canEdit());
        model.addAttribute("pending", review.pending(page.access()));
        model.addAttribute("userEmail", CurrentUser.principal().email());
        return page;
    }

    /** The access and range alone, for actions and downloads that render no page frame. */
    CompanyPage access(String companyId, String from, String to, HttpServletRequest request) {
        CompanyId id;
        try {
            id = CompanyId.parse(companyId);
        } catch (InvalidInputException e) {
            throw new NotFoundException("company.not_found", "No company " + companyId + " among yours.");
        }
        CompanyAccess access = tenancy.access(CurrentUser.id(), id);
        Company company = tenancy.company(access);
        LocalDate today = LocalDate.now(clock.withZone(company.timeZone()));
        Period period = Period.resolve(from, to, request.getSession(), today);
        return new CompanyPage(access, company, period, "/app/companies/" + company.id());
    }
}

package ai.bookkeeper.web;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.UserId;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Member;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Companies, their settings and their members. */
@RestController
@RequestMapping("/api/v1/companies")
@Validated
class CompanyController {

    record CreateCompany(@NotBlank @Size(max = 200) String name, @NotNull BusinessType businessType,
                         @Size(min = 3, max = 3) String currency, @Min(1) @Max(12) Integer fiscalYearStartMonth,
                         @Size(max = 64) String timeZone) {
    }

    record Settings(@NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal autoApproveThreshold, LocalDate lockDate) {
    }

    record CompanyView(String id, String name, String businessType, String currency, int fiscalYearStartMonth,
                       String timeZone, BigDecimal autoApproveThreshold, LocalDate lockDate) {
        static CompanyView of(Company c) {
            return new CompanyView(c.id().toString(), c.name(), c.businessType().name(), c.currency().value(),
                    c.fiscalYearStartMonth(), c.timeZone().getId(), c.autoApproveThreshold(), c.lockDate());
        }
    }

    record MemberRequest(@NotBlank @Size(max = 320) String email, @NotNull Role role) {
    }

    record MemberView(String userId, String email, String displayName, String role) {
        static MemberView of(Member m) {
            return new MemberView(m.user().id().toString(), m.user().email(), m.user().displayName(), m.role().name());
        }
    }

    private final Tenancy tenancy;

    CompanyController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping
    List<AuthController.CompanySummary> mine() {
        return tenancy.companiesOf(CurrentUser.id()).stream().map(AuthController.CompanySummary::of).toList();
    }

    /** Opens a company; the caller becomes its owner. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CompanyView create(@RequestBody @Validated CreateCompany body) {
        Company company = tenancy.createCompany(CurrentUser.id(), new NewCompany(body.name(), body.businessType(),
                CurrencyCode.of(body.currency() == null ? "USD" : body.currency()),
                body.fiscalYearStartMonth() == null ? 1 : body.fiscalYearStartMonth(), body.timeZone(), null));
        return CompanyView.of(company);
    }

    @GetMapping("/{companyId}")
    @RequiresRole(Role.VIEWER)
    CompanyView company(CompanyAccess access) {
        return CompanyView.of(tenancy.company(access));
    }

    @PatchMapping("/{companyId}/settings")
    @RequiresRole(Role.OWNER)
    CompanyView settings(CompanyAccess access, @RequestBody @Validated Settings body) {
        return CompanyView.of(tenancy.updateSettings(access, body.autoApproveThreshold(), body.lockDate()));
    }

    @GetMapping("/{companyId}/members")
    @RequiresRole(Role.VIEWER)
    List<MemberView> members(CompanyAccess access) {
        return tenancy.members(access).stream().map(MemberView::of).toList();
    }

    @PutMapping("/{companyId}/members")
    @RequiresRole(Role.OWNER)
    List<MemberView> setMember(CompanyAccess access, @RequestBody @Validated MemberRequest body) {
        tenancy.setRole(access, body.email(), body.role());
        return members(access);
    }

    @DeleteMapping("/{companyId}/members/{userId}")
    @RequiresRole(Role.OWNER)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(CompanyAccess access, @PathVariable UUID userId) {
        tenancy.removeMember(access, new UserId(userId));
    }
}

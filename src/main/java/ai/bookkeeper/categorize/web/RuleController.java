package ai.bookkeeper.categorize.web;

import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.categorize.Rule;
import ai.bookkeeper.categorize.RuleProposal;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.web.RequiresRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Categorization rules: the company's own, the global ones that fit its kind of business, and proposed ones. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/rules")
@Validated
class RuleController {

    record RuleView(String id, String scope, int priority, BigDecimal confidence, List<String> accounts, String memo,
                    String yaml) {
        static RuleView of(Rule r, String scope) {
            return new RuleView(r.id(), scope, r.priority(), r.confidence(),
                    r.shares().stream().map(Rule.Share::accountCode).toList(), r.memo(), r.yaml());
        }
    }

    record Rules(List<RuleView> company, List<RuleView> global) {
    }

    /** @param yaml one rule or a list of rules, in the format of the global rules (see the README) */
    record AddRules(@NotBlank @Size(max = 100_000) String yaml) {
    }

    record ProposalView(String vendor, String accountCode, int corrections, int matchedEntries, int agreeingEntries,
                        String summary, RuleView rule) {
        static ProposalView of(RuleProposal p) {
            return new ProposalView(p.vendor(), p.accountCode(), p.corrections(), p.matchedEntries(),
                    p.agreeingEntries(), p.summary(), RuleView.of(p.rule(), "proposed"));
        }
    }

    private final Categorizer categorizer;
    private final Tenancy tenancy;

    RuleController(Categorizer categorizer, Tenancy tenancy) {
        this.categorizer = categorizer;
        this.tenancy = tenancy;
    }

    @GetMapping
    @RequiresRole(Role.VIEWER)
    Rules rules(CompanyAccess access) {
        BusinessType type = tenancy.company(access).businessType();
        return new Rules(categorizer.rules(access).stream().map(r -> RuleView.of(r, "company")).toList(),
                categorizer.globalRules().stream()
                        .filter(r -> r.when().businessTypes() == null || r.when().businessTypes().isEmpty()
                                || r.when().businessTypes().contains(type))
                        .map(r -> RuleView.of(r, "global")).toList());
    }

    /** Adds the rules of a YAML document, replacing company rules with the same id. */
    @PostMapping
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    List<RuleView> add(CompanyAccess access, @RequestBody @Validated AddRules body) {
        return categorizer.addRules(access, body.yaml()).stream().map(r -> RuleView.of(r, "company")).toList();
    }

    @DeleteMapping("/{ruleId}")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CompanyAccess access, @PathVariable String ruleId) {
        categorizer.deleteRule(access, ruleId);
    }

    /** Rules suggested by repeated corrections of one vendor, with their backtest; add one with POST. */
    @GetMapping("/proposals")
    @RequiresRole(Role.VIEWER)
    List<ProposalView> proposals(CompanyAccess access) {
        return categorizer.proposals(access).stream().map(ProposalView::of).toList();
    }
}

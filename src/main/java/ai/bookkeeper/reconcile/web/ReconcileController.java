package ai.bookkeeper.reconcile.web;

import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.reconcile.Match;
import ai.bookkeeper.reconcile.Orphans;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.reconcile.Suggestion;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bank reconciliation of one company over a period: what matched, what might match, what has no counterpart, and
 * matching by hand. (Running it over imported transactions is {@code POST .../reconciliation/run}.)
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/reconciliation")
@Validated
class ReconcileController {

    record ManualMatch(@NotBlank @Size(max = 36) String bankLineId, @NotEmpty @Size(max = 8) List<@NotNull UUID> entryIds,
                       @Size(max = 500) String note) {
    }

    record Rate(LocalDate from, LocalDate to, BigDecimal rate) {
    }

    private final Reconciler reconciler;

    ReconcileController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @GetMapping("/matches")
    @RequiresRole(Role.VIEWER)
    List<Match> matches(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return reconciler.matches(access, from, to);
    }

    @GetMapping("/suggestions")
    @RequiresRole(Role.VIEWER)
    List<Suggestion> suggestions(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return reconciler.suggestions(access, from, to, ReconcileOptions.defaults());
    }

    @GetMapping("/orphans")
    @RequiresRole(Role.VIEWER)
    Orphans orphans(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return reconciler.orphans(access, from, to);
    }

    @GetMapping("/rate")
    @RequiresRole(Role.VIEWER)
    Rate rate(CompanyAccess access, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return new Rate(from, to, reconciler.rate(access, from, to));
    }

    /** Matches a bank line to entries by hand; their amounts on the bank account must add up to the line's. */
    @PostMapping("/matches")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    Match match(CompanyAccess access, @RequestBody @Validated ManualMatch body) {
        return reconciler.manualMatch(access, body.bankLineId(),
                body.entryIds().stream().map(JournalEntryId::new).toList(), body.note());
    }

    @DeleteMapping("/matches/{bankLineId}")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unmatch(CompanyAccess access, @PathVariable String bankLineId,
                 @RequestParam(required = false) @Size(max = 500) String reason) {
        reconciler.unmatch(access, bankLineId, reason);
    }
}

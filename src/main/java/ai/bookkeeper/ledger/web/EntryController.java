package ai.bookkeeper.ledger.web;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.ledger.Side;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.web.RequiresRole;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The chart of accounts and the journal of one company. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}")
@Validated
class EntryController {

    record AccountView(String id, String code, String name, String type, boolean bank) {
        static AccountView of(Account a) {
            return new AccountView(a.id().toString(), a.code(), a.name(), a.type().name(), a.bank());
        }
    }

    record NewAccount(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 200) String name,
                      @NotNull AccountType type, Boolean bank) {
    }

    record LineView(String accountId, String side, BigDecimal amount, String memo) {
        static LineView of(JournalLine l) {
            return new LineView(l.account().toString(), l.side().name(), l.amount().toDecimal(), l.memo());
        }
    }

    record EntryView(String id, LocalDate date, String description, String memo, String status, String source,
                     String currency, BigDecimal total, List<LineView> lines, String reversalOf, int version) {
        static EntryView of(JournalEntry e) {
            return new EntryView(e.id().toString(), e.date(), e.description(), e.memo(), e.status().name(),
                    e.source().name(), e.currency().value(), e.total().toDecimal(),
                    e.lines().stream().map(LineView::of).toList(),
                    e.reversalOf() == null ? null : e.reversalOf().toString(), e.version());
        }
    }

    record LineRequest(@NotNull UUID accountId, @NotNull Side side, @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal amount,
                       @Size(max = 500) String memo) {
    }

    record ProposeRequest(@NotNull LocalDate date, @NotBlank @Size(max = 500) String description,
                          @Size(max = 2000) String memo, @NotEmpty @Size(max = 200) List<@Valid LineRequest> lines) {
    }

    record Decision(@NotNull Integer version) {
    }

    record ChangeAccount(@NotNull Integer version, @NotNull UUID fromAccountId, @NotNull UUID toAccountId,
                         @Size(max = 2000) String memo) {
    }

    record Reverse(@NotNull LocalDate date, @NotBlank @Size(max = 2000) String reason) {
    }

    private final Ledger ledger;
    private final Tenancy tenancy;

    EntryController(Ledger ledger, Tenancy tenancy) {
        this.ledger = ledger;
        this.tenancy = tenancy;
    }

    @GetMapping("/accounts")
    @RequiresRole(Role.VIEWER)
    List<AccountView> accounts(CompanyAccess access) {
        return ledger.accounts(access).stream().map(AccountView::of).toList();
    }

    @PostMapping("/accounts")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    AccountView addAccount(CompanyAccess access, @RequestBody @Validated NewAccount body) {
        return AccountView.of(ledger.addAccount(access, body.code(), body.name(), body.type(), Boolean.TRUE.equals(body.bank())));
    }

    @GetMapping("/entries")
    @RequiresRole(Role.VIEWER)
    List<EntryView> entries(CompanyAccess access, @RequestParam(required = false) LocalDate from,
                            @RequestParam(required = false) LocalDate to,
                            @RequestParam(required = false) Set<EntryStatus> status,
                            @RequestParam(required = false) UUID account, @RequestParam(required = false) String q,
                            @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
        EntryFilter filter = new EntryFilter(from, to, status, account == null ? null : new AccountId(account), q, limit, offset);
        return ledger.entries(access, filter).stream().map(EntryView::of).toList();
    }

    @GetMapping("/entries/{entryId}")
    @RequiresRole(Role.VIEWER)
    EntryView entry(CompanyAccess access, @PathVariable UUID entryId) {
        return EntryView.of(ledger.entry(access, new JournalEntryId(entryId)));
    }

    /** Proposes a manual entry; it waits for review like any other. */
    @PostMapping("/entries")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    EntryView propose(CompanyAccess access, @RequestBody @Validated ProposeRequest body) {
        var currency = tenancy.company(access).currency();
        List<JournalLine> lines = body.lines().stream()
                .map(l -> new JournalLine(new AccountId(l.accountId()), l.side(), Money.of(l.amount(), currency), l.memo()))
                .toList();
        return EntryView.of(ledger.propose(access, new NewEntry(body.date(), body.description(), body.memo(),
                EntrySource.MANUAL, lines)));
    }

    @PostMapping("/entries/{entryId}/approve")
    @RequiresRole(Role.ACCOUNTANT)
    EntryView approve(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Decision body) {
        return EntryView.of(ledger.approve(access, new JournalEntryId(entryId), body.version()));
    }

    @PostMapping("/entries/{entryId}/reject")
    @RequiresRole(Role.ACCOUNTANT)
    EntryView reject(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Decision body) {
        return EntryView.of(ledger.reject(access, new JournalEntryId(entryId), body.version()));
    }

    @PostMapping("/entries/{entryId}/post")
    @RequiresRole(Role.ACCOUNTANT)
    EntryView post(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Decision body) {
        return EntryView.of(ledger.post(access, new JournalEntryId(entryId), body.version()));
    }

    @PostMapping("/entries/{entryId}/change-account")
    @RequiresRole(Role.ACCOUNTANT)
    EntryView changeAccount(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated ChangeAccount body) {
        return EntryView.of(ledger.changeAccount(access, new JournalEntryId(entryId), body.version(),
                new AccountId(body.fromAccountId()), new AccountId(body.toAccountId()), body.memo()));
    }

    @PostMapping("/entries/{entryId}/reverse")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    EntryView reverse(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Reverse body) {
        return EntryView.of(ledger.reverse(access, new JournalEntryId(entryId), body.date(), body.reason()));
    }
}

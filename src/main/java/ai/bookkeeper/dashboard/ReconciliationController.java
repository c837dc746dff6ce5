package ai.bookkeeper.dashboard;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.reconcile.BankLine;
import ai.bookkeeper.reconcile.LedgerItem;
import ai.bookkeeper.reconcile.Match;
import ai.bookkeeper.reconcile.Orphans;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.reconcile.Suggestion;
import ai.bookkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reconciliation: what is matched, what the engine suggests, what is left over, and matching by hand. */
@Controller
class ReconciliationController {

    /** An orphan bank line with the orphan entries on its account, closest amount first: the manual-match choices. */
    record OpenLine(BankLine line, List<LedgerItem> candidates) {
    }

    private final Pages pages;
    private final Reconciler reconciler;
    private final Ledger ledger;

    ReconciliationController(Pages pages, Reconciler reconciler, Ledger ledger) {
        this.pages = pages;
        this.reconciler = reconciler;
        this.ledger = ledger;
    }

    @GetMapping("/app/companies/{companyId}/reconciliation")
    String page(@PathVariable String companyId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        var period = page.period();
        List<Match> allMatches = reconciler.matches(page.access(), period.from(), period.to());
        List<Match> matches = allMatches.size() > 200 ? allMatches.subList(allMatches.size() - 200, allMatches.size()) : allMatches;
        List<Suggestion> suggestions = reconciler.suggestions(page.access(), period.from(), period.to(),
                ReconcileOptions.defaults());
        Orphans orphans = reconciler.orphans(page.access(), period.from(), period.to());
        Map<String, BankLine> lines = new HashMap<>();
        orphans.bankLines().forEach(l -> lines.put(l.id(), l));
        Map<String, String> entryText = new HashMap<>();
        orphans.entries().forEach(e -> entryText.put(e.entryId(), e.date() + " " + e.description()));
        // one read for the entries the matches name, instead of one per match
        ledger.entries(page.access(), new EntryFilter(period.from().minusDays(30), period.to().plusDays(30), null, null, null,
                1000, 0)).forEach(e -> entryText.putIfAbsent(e.id().toString(), e.date() + " " + e.description()));
        for (Match m : matches) {
            for (String id : m.entryIds()) {
                entryText.computeIfAbsent(id, k -> describe(page, k));
            }
        }
        for (Suggestion s : suggestions) {
            for (String id : s.entryIds()) {
                entryText.computeIfAbsent(id, k -> describe(page, k));
            }
        }
        model.addAttribute("section", "reconciliation");
        model.addAttribute("rate", reconciler.rate(page.access(), period.from(), period.to()));
        model.addAttribute("matches", matches);
        model.addAttribute("matchCount", allMatches.size());
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("lines", lines);
        model.addAttribute("entryText", entryText);
        model.addAttribute("openLines", orphans.bankLines().stream().map(l -> new OpenLine(l, candidates(l, orphans.entries())))
                .toList());
        model.addAttribute("orphanEntries", orphans.entries());
        Map<AccountId, Account> accounts = ledger.accounts(page.access()).stream()
                .collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        model.addAttribute("accountById", accounts);
        return "dashboard/reconciliation";
    }

    @PostMapping("/app/companies/{companyId}/reconciliation/match")
    String match(@PathVariable String companyId, @RequestParam String bankLine,
                 @RequestParam(name = "entry", required = false) List<String> entries,
                 @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        if (entries == null || entries.isEmpty() || entries.stream().allMatch(String::isBlank)) {
            throw new InvalidInputException("reconcile.no_entry", "Pick the journal entry that settles the bank line first.");
        }
        Match match = reconciler.manualMatch(page.access(), bankLine,
                entries.stream().filter(e -> !e.isBlank()).map(JournalEntryId::parse).toList(), note);
        flash.addFlashAttribute("notice", "Matched the bank line to " + match.entryIds().size()
                + (match.entryIds().size() == 1 ? " entry." : " entries."));
        return "redirect:" + page.base() + "/reconciliation";
    }

    @PostMapping("/app/companies/{companyId}/reconciliation/unmatch")
    String unmatch(@PathVariable String companyId, @RequestParam String bankLine, HttpServletRequest request,
                   RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        reconciler.unmatch(page.access(), bankLine, "undone in the dashboard");
        flash.addFlashAttribute("notice", "The bank line and its entries are open again.");
        return "redirect:" + page.base() + "/reconciliation";
    }

    private String describe(Pages.CompanyPage page, String entryId) {
        var entry = ledger.entry(page.access(), JournalEntryId.parse(entryId));
        return entry.date() + " " + entry.description();
    }

    private static List<LedgerItem> candidates(BankLine line, List<LedgerItem> entries) {
        return entries.stream().filter(e -> e.bankAccount().equals(line.bankAccount()))
                .sorted(Comparator.comparingLong((LedgerItem e) -> Math.abs(e.amount().minorUnits() - line.amount().minorUnits()))
                        .thenComparing(e -> Math.abs(e.date().toEpochDay() - line.date().toEpochDay())))
                .limit(20).toList();
    }
}

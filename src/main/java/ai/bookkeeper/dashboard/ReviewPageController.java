package ai.bookkeeper.dashboard;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.review.Proposal;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue. Each decision is a plain form post (redirect back to the queue); with htmx the same post
 * answers with the decided item alone, swapped in place, and the pending count out of band.
 */
@Controller
class ReviewPageController {

    static final int PAGE_SIZE = 50;

    private final Pages pages;
    private final ReviewQueue review;
    private final Ledger ledger;

    ReviewPageController(Pages pages, ReviewQueue review, Ledger ledger) {
        this.pages = pages;
        this.review = review;
        this.ledger = ledger;
    }

    @GetMapping("/app/companies/{companyId}/review")
    String queue(@PathVariable String companyId, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int offset,
                 HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        List<ReviewQueue.Item> items = review.queue(page.access(), page.period().from(), page.period().to(),
                PAGE_SIZE + 1, Math.max(offset, 0));
        model.addAttribute("section", "review");
        model.addAttribute("items", items.size() > PAGE_SIZE ? items.subList(0, PAGE_SIZE) : items);
        model.addAttribute("hasMore", items.size() > PAGE_SIZE);
        model.addAttribute("offset", Math.max(offset, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        List<Account> accounts = ledger.accounts(page.access());
        model.addAttribute("accounts", accounts);
        model.addAttribute("accountNames", accounts.stream().collect(Collectors.toMap(Account::code, Account::label)));
        return "dashboard/review";
    }

    @PostMapping("/app/companies/{companyId}/review/{entryId}/approve")
    String approve(@PathVariable String companyId, @PathVariable String entryId, @RequestParam int version,
                   @RequestParam(defaultValue = "false") boolean rule,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        JournalEntryId id = JournalEntryId.parse(entryId);
        Proposal proposal = review.proposal(page.access(), id);
        review.approve(page.access(), id, version);
        String notice = "Approved “" + proposal.description() + "”.";
        if (rule && proposal.predictedAccountCode() != null) {
            review.ruleFromDecision(page.access(), id, proposal.predictedAccountCode());
            notice += " From now on, transactions like it go to " + proposal.predictedAccountCode() + " by rule.";
        }
        return decided(page, proposal, "approved", notice, htmx, model, flash);
    }

    @PostMapping("/app/companies/{companyId}/review/{entryId}/change")
    String change(@PathVariable String companyId, @PathVariable String entryId, @RequestParam int version,
                  @RequestParam String account, @RequestParam(defaultValue = "false") boolean rule,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        JournalEntryId id = JournalEntryId.parse(entryId);
        Proposal proposal = review.proposal(page.access(), id);
        String code = accountCode(page, account);
        review.changeAccountAndApprove(page.access(), id, version, code);
        String notice = "Booked “" + proposal.description() + "” to " + code + " and approved it.";
        if (rule) {
            review.ruleFromDecision(page.access(), id, code);
            notice += " From now on, transactions like it go to " + code + " by rule.";
        }
        return decided(page, proposal, "changed", notice, htmx, model, flash);
    }

    @PostMapping("/app/companies/{companyId}/review/{entryId}/reject")
    String reject(@PathVariable String companyId, @PathVariable String entryId, @RequestParam int version,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  HttpServletRequest request, Model model, RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        JournalEntryId id = JournalEntryId.parse(entryId);
        Proposal proposal = review.proposal(page.access(), id);
        review.reject(page.access(), id, version);
        return decided(page, proposal, "rejected", "Rejected “" + proposal.description() + "”.", htmx, model, flash);
    }

    @PostMapping("/app/companies/{companyId}/review/bulk")
    String bulkApprove(@PathVariable String companyId, @RequestParam(name = "entry", required = false) List<String> entries,
                       HttpServletRequest request, RedirectAttributes flash) {
        Pages.CompanyPage page = pages.access(companyId, null, null, request);
        if (entries == null || entries.isEmpty()) {
            flash.addFlashAttribute("error", "Select the entries to approve first (the checkboxes on the left).");
        } else {
            int approved = review.bulkApprove(page.access(), entries.stream().map(JournalEntryId::parse).toList());
            flash.addFlashAttribute("notice", "Approved " + approved + (approved == 1 ? " entry." : " entries."));
        }
        return "redirect:" + page.base() + "/review";
    }

    /** The account code out of the picker's text: "6150 — Software" or plain "6150". */
    private String accountCode(Pages.CompanyPage page, String picked) {
        String code = picked == null ? "" : picked.strip().split("[\\s—–-]+", 2)[0];
        Map<String, Account> byCode = ledger.accounts(page.access()).stream()
                .collect(Collectors.toMap(Account::code, Function.identity()));
        if (!byCode.containsKey(code)) {
            throw new InvalidInputException("account.not_found", "“" + picked + "” is not an account of this company;"
                    + " pick one from the list (type part of its number or name).");
        }
        return code;
    }

    private String decided(Pages.CompanyPage page, Proposal proposal, String how, String notice, String htmx, Model model,
                           RedirectAttributes flash) {
        if (htmx == null) {
            flash.addFlashAttribute("notice", notice);
            return "redirect:" + page.base() + "/review";
        }
        model.addAttribute("proposal", proposal);
        model.addAttribute("how", how);
        model.addAttribute("notice", notice);
        model.addAttribute("pending", review.pending(page.access()));
        return "dashboard/review :: decided";
    }
}

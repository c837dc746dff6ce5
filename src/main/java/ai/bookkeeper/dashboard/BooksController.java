package ai.bookkeeper.dashboard;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.Ledger;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Bank transactions and the journal, each with filters of its own on top of the date range. */
@Controller
class BooksController {

    static final int PAGE_SIZE = 100;

    private final Pages pages;
    private final BankTransactions transactions;
    private final Ledger ledger;

    BooksController(Pages pages, BankTransactions transactions, Ledger ledger) {
        this.pages = pages;
        this.transactions = transactions;
        this.ledger = ledger;
    }

    @GetMapping("/app/companies/{companyId}/transactions")
    String transactions(@PathVariable String companyId, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) String account,
                        @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset,
                        HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        Map<String, Account> accounts = accounts(page);
        Account bank = account == null ? null : accounts.get(account);
        TransactionFilter filter = TransactionFilter.all().between(page.period().from(), page.period().to());
        if (bank != null) {
            filter = filter.account(bank.id());
        }
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<BankTransaction> matching = new ArrayList<>();
        transactions.forEach(page.access(), filter, t -> {
            if (text.isEmpty() || t.description().toLowerCase(Locale.ROOT).contains(text)
                    || (t.counterparty() != null && t.counterparty().toLowerCase(Locale.ROOT).contains(text))) {
                matching.add(t);
            }
        });
        int start = Math.min(Math.max(offset, 0), matching.size());
        model.addAttribute("section", "transactions");
        model.addAttribute("rows", matching.subList(start, Math.min(start + PAGE_SIZE, matching.size())));
        model.addAttribute("total", matching.size());
        model.addAttribute("offset", start);
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("bankAccounts", accounts.values().stream().filter(Account::bank).toList());
        model.addAttribute("accountById", byId(accounts));
        model.addAttribute("account", bank == null ? "" : bank.code());
        model.addAttribute("q", q == null ? "" : q);
        return "dashboard/transactions";
    }

    @GetMapping("/app/companies/{companyId}/journal")
    String journal(@PathVariable String companyId, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String account,
                   @RequestParam(required = false) String q, @RequestParam(required = false) List<String> status,
                   @RequestParam(defaultValue = "0") int offset, HttpServletRequest request, Model model) {
        Pages.CompanyPage page = pages.open(companyId, from, to, request, model);
        Map<String, Account> accounts = accounts(page);
        Account only = account == null ? null : accounts.get(account);
        Set<EntryStatus> statuses = EnumSet.noneOf(EntryStatus.class);
        if (status != null) {
            for (String s : status) {
                for (EntryStatus candidate : EntryStatus.values()) {
                    if (candidate.name().equalsIgnoreCase(s)) {
                        statuses.add(candidate);
                    }
                }
            }
        }
        List<JournalEntry> entries = ledger.entries(page.access(), new EntryFilter(page.period().from(), page.period().to(),
                statuses, only == null ? null : only.id(), q == null || q.isBlank() ? null : q.strip(), PAGE_SIZE + 1,
                Math.max(offset, 0)));
        model.addAttribute("section", "journal");
        model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
        model.addAttribute("hasMore", entries.size() > PAGE_SIZE);
        model.addAttribute("offset", Math.max(offset, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("allAccounts", accounts.values());
        model.addAttribute("accountById", byId(accounts));
        model.addAttribute("account", only == null ? "" : only.code());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("chosenStatuses", statuses.stream().map(Enum::name).toList());
        return "dashboard/journal";
    }

    private Map<String, Account> accounts(Pages.CompanyPage page) {
        return ledger.accounts(page.access()).stream().collect(Collectors.toMap(Account::code, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Map<AccountId, Account> byId(Map<String, Account> byCode) {
        return byCode.values().stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }
}

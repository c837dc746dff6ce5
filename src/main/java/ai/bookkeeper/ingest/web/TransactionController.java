package ai.bookkeeper.ingest.web;

import ai.bookkeeper.ingest.BankTransaction;
import ai.bookkeeper.ingest.BankTransactionId;
import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ingest.TransactionStatus;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Imported bank transactions: filtered, in pages (pass the page's {@code next} as {@code after}). */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/transactions")
class TransactionController {

    static final int MAX_LIMIT = 500;

    record TransactionView(String id, String bankAccountId, String batchId, LocalDate bookingDate, LocalDate valueDate,
                           Money amount, String description, String counterparty, String reference, String status,
                           String linkedTo, String transferPairId, long sourceLine) {
        static TransactionView of(BankTransaction t) {
            return new TransactionView(t.id().toString(), t.bankAccount().toString(), t.batch().toString(),
                    t.bookingDate(), t.valueDate(), t.amount(), t.description(), t.counterparty(), t.reference(),
                    t.status().name(), t.linkedTo() == null ? null : t.linkedTo().toString(),
                    t.transferPair() == null ? null : t.transferPair().toString(), t.sourceLine());
        }
    }

    /** @param next the {@code after} of the next page; null on the last page */
    record Page(List<TransactionView> items, String next) {
    }

    private final BankTransactions transactions;

    TransactionController(BankTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * @param q words that must all occur in the description, counterparty or reference (any case)
     */
    @GetMapping
    @RequiresRole(Role.VIEWER)
    Page list(CompanyAccess access, @RequestParam(required = false) LocalDate from,
              @RequestParam(required = false) LocalDate to, @RequestParam(required = false) TransactionStatus status,
              @RequestParam(required = false) UUID account, @RequestParam(required = false) String q,
              @RequestParam(required = false) UUID after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("request.limit", "limit is " + limit + "; ask for 1 to " + MAX_LIMIT
                    + " transactions a page.");
        }
        if (q != null && q.length() > 200) {
            throw new InvalidInputException("request.q", "The search text has " + q.length() + " characters; use at"
                    + " most 200.");
        }
        TransactionFilter filter = TransactionFilter.all().between(from, to).status(status).containing(q);
        if (account != null) {
            filter = filter.account(new AccountId(account));
        }
        List<BankTransaction> page = transactions.page(access, filter, after == null ? null : new BankTransactionId(after),
                limit + 1);
        boolean more = page.size() > limit;
        List<BankTransaction> items = more ? page.subList(0, limit) : page;
        return new Page(items.stream().map(TransactionView::of).toList(),
                more ? items.get(items.size() - 1).id().toString() : null);
    }

    @GetMapping("/{transactionId}")
    @RequiresRole(Role.VIEWER)
    TransactionView transaction(CompanyAccess access, @PathVariable UUID transactionId) {
        return TransactionView.of(transactions.transaction(access, new BankTransactionId(transactionId)));
    }
}

package ai.bookkeeper.review.web;

import ai.bookkeeper.categorize.Rule;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalEntryId;
import ai.bookkeeper.review.Proposal;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue: proposed entries the categorizer was not sure enough about, with its suggestion and reasons.
 * Every decision names the entry's {@code version} (from the queue), so two reviewers deciding one entry get one
 * success and one 409.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}")
@Validated
class ReviewController {

    record LineView(String accountId, String side, BigDecimal amount, String memo) {
    }

    record QueueItem(String entryId, int version, String transactionId, LocalDate date, String description,
                     String counterparty, Money amount, String suggestedAccount, BigDecimal confidence, String tier,
                     String source, String rationale, List<String> similarExamples, String status,
                     List<LineView> lines) {
        static QueueItem of(ReviewQueue.Item item) {
            Proposal p = item.proposal();
            JournalEntry e = item.entry();
            return new QueueItem(e.id().toString(), e.version(), p.transactionId(), p.date(), p.description(),
                    p.counterparty(), p.amount(), p.predictedAccountCode(), p.confidence(), p.tier(), p.source(),
                    p.rationale(), p.similarExamples(), p.outcome().name(),
                    e.lines().stream().map(l -> new LineView(l.account().toString(), l.side().name(),
                            l.amount().toDecimal(), l.memo())).toList());
        }
    }

    record Decided(String entryId, int version, String entryStatus) {
        static Decided of(JournalEntry e) {
            return new Decided(e.id().toString(), e.version(), e.status().name());
        }
    }

    record Decision(@NotNull Integer version) {
    }

    record AccountDecision(@NotNull Integer version, @NotBlank @Size(max = 20) String accountCode) {
    }

    record BulkApprove(@NotEmpty @Size(max = 500) List<@NotNull UUID> entryIds) {
    }

    record BulkResult(int approved) {
    }

    record RuleRequest(@NotBlank @Size(max = 20) String accountCode) {
    }

    record RuleView(String id, int priority, BigDecimal confidence, String yaml) {
        static RuleView of(Rule r) {
            return new RuleView(r.id(), r.priority(), r.confidence(), r.yaml());
        }
    }

    record Pending(int pending) {
    }

    private final ReviewQueue review;

    ReviewController(ReviewQueue review) {
        this.review = review;
    }

    @GetMapping("/review")
    @RequiresRole(Role.VIEWER)
    List<QueueItem> queue(CompanyAccess access, @RequestParam(required = false) LocalDate from,
                          @RequestParam(required = false) LocalDate to,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return review.queue(access, from, to, limit, offset).stream().map(QueueItem::of).toList();
    }

    @GetMapping("/review/count")
    @RequiresRole(Role.VIEWER)
    Pending pending(CompanyAccess access) {
        return new Pending(review.pending(access));
    }

    @PostMapping("/review/{entryId}/approve")
    @RequiresRole(Role.ACCOUNTANT)
    Decided approve(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Decision body) {
        return Decided.of(review.approve(access, new JournalEntryId(entryId), body.version()));
    }

    /** Books the entry to another account, then approves it; the categorizer learns the correction. */
    @PostMapping("/review/{entryId}/change-account")
    @RequiresRole(Role.ACCOUNTANT)
    Decided changeAccount(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated AccountDecision body) {
        return Decided.of(review.changeAccountAndApprove(access, new JournalEntryId(entryId), body.version(),
                body.accountCode()));
    }

    @PostMapping("/review/{entryId}/reject")
    @RequiresRole(Role.ACCOUNTANT)
    Decided reject(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated Decision body) {
        return Decided.of(review.reject(access, new JournalEntryId(entryId), body.version()));
    }

    /** Approves all listed entries or, if one can't be approved, none of them. */
    @PostMapping("/review/bulk-approve")
    @RequiresRole(Role.ACCOUNTANT)
    BulkResult bulkApprove(CompanyAccess access, @RequestBody @Validated BulkApprove body) {
        return new BulkResult(review.bulkApprove(access, body.entryIds().stream().map(JournalEntryId::new).toList()));
    }

    /** "Always file this vendor under that account": a categorization rule from the entry's transaction. */
    @PostMapping("/review/{entryId}/rule")
    @RequiresRole(Role.ACCOUNTANT)
    @ResponseStatus(HttpStatus.CREATED)
    RuleView rule(CompanyAccess access, @PathVariable UUID entryId, @RequestBody @Validated RuleRequest body) {
        return RuleView.of(review.ruleFromDecision(access, new JournalEntryId(entryId), body.accountCode()));
    }

    /**
     * The feedback dataset, one row per decided proposal: {@code txn_id, description, predicted_account,
     * approved_account, confidence, review_outcome, tier}. Descriptions that a spreadsheet would run as a formula are
     * prefixed with {@code '}.
     */
    @GetMapping("/feedback.csv")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<String> feedback(CompanyAccess access) throws IOException {
        StringWriter out = new StringWriter();
        review.writeFeedback(access, out, true);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"feedback.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }
}

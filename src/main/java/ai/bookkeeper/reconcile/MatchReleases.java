package ai.bookkeeper.reconcile;

import ai.bookkeeper.audit.AuditTrail;
import ai.bookkeeper.ledger.EntryChanged;
import ai.bookkeeper.ledger.EntryWithdrawn;
import ai.bookkeeper.platform.CompanyTransactionLock;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What undoes a match: an entry rejected or reversed ({@link EntryWithdrawn}), an entry whose bank side changed
 * ({@link EntryChanged}), a person's unmatch; and the company's match lock, which orders those against the
 * transactions that store matches ({@link Reconciler}).
 */
@Component
class MatchReleases {

    /** The company's lock on its matches and receipt links; see {@link #lockForStoring}. */
    private static final String MATCHES = "reconcile.matches";

    private final ReconcileRepository repository;
    private final AuditTrail audit;
    private final CompanyTransactionLock locks;

    MatchReleases(ReconcileRepository repository, AuditTrail audit, CompanyTransactionLock locks) {
        this.repository = repository;
        this.audit = audit;
        this.locks = locks;
    }

    /**
     * Takes the company's match lock alone, at the start of every transaction that stores matches or receipt links and
     * before it reads which entries are live and unmatched. A withdrawal (reject, reverse) or a change of an entry
     * releases the entry's match and receipts in its own transaction ({@link #release}, {@link #recheck}), which first
     * takes the same lock shared ({@link #lockedLineOf}). Without the lock, under PostgreSQL's READ COMMITTED, a storing
     * transaction that read the entry as live could insert its match after the withdrawal's release found none, and
     * the withdrawn entry would stay matched once both committed. With it:
     * <ul>
     * <li>a withdrawal that committed before the storing transaction got the lock is seen by its later statements;
     * <li>a withdrawal holding the lock makes the storing transaction wait for its commit;
     * <li>a storing transaction holding the lock makes the release wait, and the release's statements (each with a
     * fresh snapshot) then see the committed match and delete it.
     * </ul>
     * No deadlock: the storing side takes the lock before any write of its own (the pipeline's booking transaction
     * has inserted its new entries, lines, proposals and audit rows by then, but rows no other transaction can see are
     * rows no other transaction can wait for), and afterwards touches the ledger's existing rows only
     * by reading them (on PostgreSQL a match's entry is checked once per statement without a lock,
     * V12_1__references_checked_per_statement; the foreign-key checks that preceded it key-shared the entry, which
     * blocked on neither a status update nor a reversal);
     * a release takes the lock after the ledger's writes and before any write to this module's tables. (A transaction
     * withdrawing two entries, the second locked by another withdrawal queued behind a waiting storing transaction,
     * would close a cycle; PostgreSQL's deadlock check resolves it, by reordering the waiters or failing one. Nothing
     * withdraws two entries in one transaction today.)
     */
    void lockForStoring(CompanyAccess access) {
        locks.exclusive(MATCHES, access.companyId());
    }

    /**
     * Takes the company's match lock shared, before a release reads or deletes matches (see {@link #lockForStoring}),
     * then returns the bank line the entry is matched to, or null.
     */
    private String lockedLineOf(CompanyAccess access, String entry) {
        locks.shared(MATCHES, access.companyId());
        return repository.lineOfEntries(access.companyId(), List.of(entry)).get(entry);
    }

    /** Deletes a bank line's match and audits it as "was KIND with entries …; why". */
    void remove(CompanyAccess access, String bankLineId, Match match, String why) {
        repository.deleteMatch(access.companyId(), bankLineId);
        audit.record(access, "reconcile.unmatched", "bank_line", bankLineId, "was " + match.kind() + " with entries "
                + String.join(", ", match.entryIds()) + (why == null ? "" : "; " + why));
    }

    /**
     * A rejected or reversed entry no longer explains its bank line: the line's match (all of it, for a many-to-one
     * match) and the receipts attached to the entry are released, in the withdrawing transaction, and audited, so
     * that the line counts as unreconciled and shows among the orphans until a standing entry is matched to it. This
     * holds for a line in a locked period too: its reconciliation rate drops, as the entry that explained it is gone.
     */
    @EventListener
    void release(EntryWithdrawn withdrawn) {
        CompanyAccess access = withdrawn.access();
        String entry = withdrawn.entry().toString();
        String line = lockedLineOf(access, entry);
        if (line != null) {
            repository.matchOf(access.companyId(), line).ifPresent(match -> remove(access, line, match, withdrawn.why()));
        }
        repository.deleteDeclined(access.companyId(), entry);
        for (ReceiptMatch receipt : repository.documentLinks(access.companyId(), entry)) {
            repository.deleteDocumentLink(access.companyId(), receipt.documentId());
            audit.record(access, "receipt.detached", "document", receipt.documentId(), withdrawn.why());
        }
    }

    /**
     * An entry's lines were replaced: if it is matched and the match's entries no longer move the bank line's account
     * by the line's amount (the bank side was changed, not only the category), the match is released and audited.
     */
    @EventListener
    void recheck(EntryChanged changed) {
        CompanyAccess access = changed.access();
        String entry = changed.entry().toString();
        String lineId = lockedLineOf(access, entry);
        if (lineId == null) {
            return;
        }
        BankLine line = repository.line(access.companyId(), lineId).orElse(null);
        Match match = repository.matchOf(access.companyId(), lineId).orElse(null);
        if (line == null || match == null) {
            return;
        }
        long sum = repository.itemStates(access.companyId(), line.bankAccount(), match.entryIds()).values().stream()
                .mapToLong(s -> s.item().amount().minorUnits()).sum();
        if (sum != line.amount().minorUnits()) {
            remove(access, lineId, match, "entry " + entry + " was changed and the match no longer adds up to the"
                    + " line's " + line.amount());
        }
    }
}

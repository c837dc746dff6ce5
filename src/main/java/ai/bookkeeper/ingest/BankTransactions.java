package ai.bookkeeper.ingest;

import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads imported bank transactions: the public read model for categorization and reconciliation. */
@Service
public class BankTransactions {

    private static final int MAX_PAGE = 10_000;

    private final IngestRepository repository;
    private final Clock clock;

    BankTransactions(IngestRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** All matching transactions, ordered by id (creation order). For large volumes use {@link #page} or {@link #forEach}. */
    public List<BankTransaction> transactions(CompanyAccess access, TransactionFilter filter) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.transactions(access.companyId(), filter, null, Integer.MAX_VALUE);
    }

    /**
     * One page in id order (keyset pagination): pass null for the first page, then the id of the last transaction of
     * the previous page.
     */
    public List<BankTransaction> page(CompanyAccess access, TransactionFilter filter, BankTransactionId after, int size) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.transactions(access.companyId(), filter, after == null ? null : after.toString(),
                Math.max(1, Math.min(size, MAX_PAGE)));
    }

    /** The ids of the matching transactions, in id order; cheaper than the transactions when most are not needed. */
    public List<BankTransactionId> ids(CompanyAccess access, TransactionFilter filter) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.ids(access.companyId(), filter).stream().map(BankTransactionId::parse).toList();
    }

    /** These transactions of the company, in id order, read in a few queries; ids it does not have are skipped. */
    public List<BankTransaction> transactions(CompanyAccess access, java.util.Collection<BankTransactionId> ids) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.transactions(access.companyId(), ids.stream().map(BankTransactionId::toString).distinct().toList());
    }

    /** How many transactions match, counted by the database. */
    public long count(CompanyAccess access, TransactionFilter filter) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.count(access.companyId(), filter);
    }

    /** Streams every matching transaction in booking order without holding them in memory. */
    @Transactional(readOnly = true)
    public void forEach(CompanyAccess access, TransactionFilter filter, Consumer<BankTransaction> consumer) {
        access.require(Role.VIEWER, "read bank transactions");
        repository.stream(access.companyId(), filter, consumer);
    }

    /** One transaction of the company; not found when it belongs to another company or does not exist. */
    public BankTransaction transaction(CompanyAccess access, BankTransactionId id) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.transaction(access.companyId(), id).orElseThrow(() -> new ai.bookkeeper.shared.NotFoundException(
                "transaction.not_found", "No bank transaction " + id + " in this company."));
    }

    /**
     * The company's imports whose transactions have not been through the pipeline yet, oldest first: normally the one
     * just imported, more if an import job stopped between importing and processing. See {@link #closeImports}.
     */
    public List<ImportBatchId> openImports(CompanyAccess access) {
        access.require(Role.VIEWER, "read bank transactions");
        return repository.openBatches(access.companyId());
    }

    /** Records that the pipeline has finished with these imports' transactions; closed imports are left as they are. */
    @Transactional
    public void closeImports(CompanyAccess access, List<ImportBatchId> batches) {
        access.require(Role.ACCOUNTANT, "process imported bank transactions");
        repository.closeBatches(access.companyId(), batches, clock.instant());
    }

    /** What one import added (duplicates of earlier imports belong to their first batch): categorize just these. */
    public List<BankTransaction> newSince(CompanyAccess access, ImportBatchId batch) {
        return transactions(access, TransactionFilter.all().batch(batch));
    }
}

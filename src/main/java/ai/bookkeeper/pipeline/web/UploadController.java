package ai.bookkeeper.pipeline.web;

import ai.bookkeeper.ingest.Document;
import ai.bookkeeper.ingest.Receipts;
import ai.bookkeeper.jobs.JobId;
import ai.bookkeeper.pipeline.StatementImports;
import ai.bookkeeper.pipeline.Uploads;
import ai.bookkeeper.reconcile.ReceiptDoc;
import ai.bookkeeper.reconcile.ReceiptMatch;
import ai.bookkeeper.reconcile.ReconcileOptions;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads: bank statements (imported in the background; answered 202 with the job to poll) and receipts (read and
 * matched to the entries that paid them at once). Files are sent as multipart form parts named {@code files}.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}")
class UploadController {

    static final int MAX_FILES = 100;

    record Accepted(String jobId, String status, String statusUrl) {
    }

    record DocumentView(String id, String fileName, String contentType, String vendor, LocalDate date, Money total,
                        String matchedEntryId) {
        static DocumentView of(Document d, String clientName, String matchedEntry) {
            return new DocumentView(d.id().toString(), clientName, d.contentType(), d.vendor(), d.date(), d.total(),
                    matchedEntry);
        }
    }

    private final Uploads uploads;
    private final StatementImports imports;
    private final Receipts receipts;
    private final Reconciler reconciler;

    UploadController(Uploads uploads, StatementImports imports, Receipts receipts, Reconciler reconciler) {
        this.uploads = uploads;
        this.imports = imports;
        this.receipts = receipts;
        this.reconciler = reconciler;
    }

    /** Stores the statements and queues one job that imports them and runs them through categorization and review. */
    @PostMapping("/statements")
    @RequiresRole(Role.ACCOUNTANT)
    ResponseEntity<Accepted> uploadStatements(CompanyAccess access, @RequestParam("files") List<MultipartFile> files,
                                              @RequestParam(required = false) String account,
                                              @RequestParam(required = false) String profile) throws IOException {
        List<Uploads.StoredFile> stored = store(access, files);
        JobId job = imports.submit(access, stored, blankToNull(account), blankToNull(profile));
        String url = "/api/v1/companies/" + access.companyId() + "/jobs/" + job;
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(url))
                .body(new Accepted(job.toString(), "QUEUED", url));
    }

    /** Stores receipts and invoices, reads vendor, date and total from them, and attaches each to the entry it paid. */
    @PostMapping("/documents")
    @RequiresRole(Role.ACCOUNTANT)
    ResponseEntity<List<DocumentView>> uploadDocuments(CompanyAccess access,
                                                       @RequestParam("files") List<MultipartFile> files) throws IOException {
        List<Uploads.StoredFile> stored = store(access, files);
        List<Document> documents = new ArrayList<>();
        for (Uploads.StoredFile file : stored) {
            documents.add(receipts.importDocument(access, uploads.resolve(access.companyId(), file.storedName())));
        }
        List<ReceiptDoc> readable = documents.stream().filter(d -> d.total() != null && d.date() != null)
                .map(d -> new ReceiptDoc(d.id().toString(), d.vendor(), d.date(), d.total())).distinct().toList();
        Map<String, String> entryOf = reconciler.receiptMatches(access, readable, ReconcileOptions.defaults()).stream()
                .collect(Collectors.toMap(ReceiptMatch::documentId, ReceiptMatch::entryId, (a, b) -> a));
        List<DocumentView> views = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            views.add(DocumentView.of(d, stored.get(i).originalName(), entryOf.get(d.id().toString())));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(views);
    }

    @GetMapping("/documents")
    @RequiresRole(Role.VIEWER)
    List<DocumentView> documents(CompanyAccess access) {
        return receipts.documents(access).stream().map(d -> DocumentView.of(d, d.fileName(), null)).toList();
    }

    private List<Uploads.StoredFile> store(CompanyAccess access, List<MultipartFile> files) throws IOException {
        if (files.size() > MAX_FILES) {
            throw new InvalidInputException("upload.too_many", files.size() + " files in one upload; send at most "
                    + MAX_FILES + " at a time.");
        }
        List<Uploads.StoredFile> stored = new ArrayList<>();
        for (MultipartFile file : files) {
            if (file.isEmpty()) {
                throw new InvalidInputException("upload.empty_file", "The file '" + file.getOriginalFilename()
                        + "' is empty; attach the statement itself.");
            }
            try (InputStream in = file.getInputStream()) {
                stored.add(uploads.store(access.companyId(), file.getOriginalFilename(), in));
            }
        }
        if (stored.isEmpty()) {
            throw new InvalidInputException("upload.empty", "No files were sent; attach them as multipart form parts"
                    + " named 'files'.");
        }
        return stored;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

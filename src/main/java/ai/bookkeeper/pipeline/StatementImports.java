package ai.bookkeeper.pipeline;

import ai.bookkeeper.jobs.JobId;
import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import java.util.List;
import org.springframework.stereotype.Service;

/** Queues the import of uploaded statement files as one background job ({@value StatementImportJob#TYPE}). */
@Service
public class StatementImports {

    /** The job type of statement imports, as job listings show it. */
    public static final String JOB_TYPE = StatementImportJob.TYPE;

    private final Jobs jobs;

    StatementImports(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * @param account ledger code of the bank account for files that name none; may be null
     * @param profile a saved CSV profile to read the files with instead of detecting their layout; may be null
     */
    public JobId submit(CompanyAccess access, List<Uploads.StoredFile> files, String account, String profile) {
        access.require(Role.ACCOUNTANT, "import bank statements");
        if (files.isEmpty()) {
            throw new InvalidInputException("upload.empty", "No statement files were sent; attach them as multipart"
                    + " form parts named 'files'.");
        }
        return jobs.submit(access, StatementImportJob.TYPE, StatementImportJob.payload(files.stream()
                .map(f -> new StatementImportJob.UploadedFile(f.storedName(), f.originalName())).toList(), account, profile));
    }
}

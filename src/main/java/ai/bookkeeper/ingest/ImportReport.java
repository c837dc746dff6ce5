package ai.bookkeeper.ingest;

import java.util.List;

/**
 * The outcome of importing one file.
 *
 * @param profile  the CSV profile used, as YAML; null for OFX and camt.053
 * @param error    why the file failed, naming the file and line; null when it was imported
 * @param warnings balance checks that failed, gaps, rejected rows in lenient mode; the import still counts
 */
public record ImportReport(ImportBatchId batch, String fileName, String sha256, StatementFormat format, String profile,
                           ImportStatus status, long read, long added, long duplicates, long rejected, String error,
                           List<String> warnings) {

    public ImportReport {
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return status == ImportStatus.IMPORTED;
    }

    /** {@code march.csv: 120 read, 118 new, 2 duplicate, 0 rejected}, or the error. */
    public String summary() {
        return ok() ? fileName + ": " + read + " read, " + added + " new, " + duplicates + " duplicate, " + rejected
                + " rejected" + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)")
                : fileName + ": FAILED: " + error;
    }
}

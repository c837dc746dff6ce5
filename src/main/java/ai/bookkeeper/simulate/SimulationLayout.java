package ai.bookkeeper.simulate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** Where a run puts each company's files under its output directory; what ingestion and the pilot read. */
public final class SimulationLayout {

    /** Bank statement exports, one file per month: {@code bank_YYYYMM.csv}. */
    public static final String CSV = "simulated_csv";
    /** Receipts: {@code receipt_NNN_YYYYMMDD.txt}, some also as {@code .pdf}. */
    public static final String DOCS = "simulated_docs";
    /** What a company tells us about itself: {@code coa.json}, {@code vendors.json}, {@code company.json}. */
    public static final String METADATA = "simulated_metadata";
    /** The answers, never shown to the categorizer: {@code ground_truth.csv}, {@code receipts_truth.csv}. */
    public static final String TRUTH = "simulated_truth";

    /** The header of every statement CSV, in order. */
    public static final List<String> STATEMENT_HEADER = List.of("Date", "Description", "Amount", "Balance", "Account");
    public static final List<String> GROUND_TRUTH_HEADER = List.of("account_ref", "date", "amount", "description",
            "occurrence", "true_account_code", "vendor", "kind");
    public static final List<String> RECEIPTS_TRUTH_HEADER = List.of("receipt_file", "pdf_file", "account_ref", "date",
            "amount", "description", "occurrence", "vendor");

    private SimulationLayout() {
    }

    /** {@code Hamilton Coffee Co.} becomes {@code hamilton_coffee_co}. */
    public static String slug(String companyName) {
        String slug = companyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return slug.replaceAll("^_+|_+$", "");
    }

    public static Path csvDir(Path outDir, String slug) {
        return outDir.resolve(CSV).resolve(slug);
    }

    public static Path docsDir(Path outDir, String slug) {
        return outDir.resolve(DOCS).resolve(slug);
    }

    public static Path metadataDir(Path outDir, String slug) {
        return outDir.resolve(METADATA).resolve(slug);
    }

    public static Path truthDir(Path outDir, String slug) {
        return outDir.resolve(TRUTH).resolve(slug);
    }

    public static String statementFileName(YearMonth month) {
        return String.format(Locale.ROOT, "bank_%04d%02d.csv", month.getYear(), month.getMonthValue());
    }
}

package ai.bookkeeper.simulate;

import ai.bookkeeper.shared.InvalidInputException;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What to simulate. The same spec always yields byte-identical files.
 *
 * @param seed      the only source of randomness
 * @param companies how many companies: up to 5 are the pilot companies, in pilot order; beyond 5, generated
 *                  companies cycle through the business types (load-test volumes)
 * @param months    statement months per company, 1 to 120; overlapping exports and the second spelling of a
 *                  vendor first show in month 2, so use at least 2
 * @param start     the first statement month
 * @param pdfs      also draw about 30% of the pilot companies' receipts as PDF (generated companies never get PDFs)
 * @param receipts  write the receipt files (and list them in {@code receipts_truth.csv}); without them only the
 *                  statements, the metadata and the bank lines' ground truth are written, which is all the
 *                  {@code bench} command reads. The receipts are drawn either way, so the statements are the same.
 */
public record SimulationSpec(long seed, int companies, int months, YearMonth start, boolean pdfs, boolean receipts) {

    public static final long DEFAULT_SEED = 42;
    public static final int PILOT_COMPANIES = 5;
    public static final int DEFAULT_MONTHS = 12;
    public static final YearMonth DEFAULT_START = YearMonth.of(2025, 1);

    public SimulationSpec {
        Objects.requireNonNull(start, "start");
        if (companies < 1) {
            throw new InvalidInputException("simulate.companies",
                    "The number of companies must be at least 1 but is " + companies + "; pass --companies 5 for the pilot.");
        }
        if (months < 1 || months > 120) {
            throw new InvalidInputException("simulate.months",
                    "The number of months must be between 1 and 120 but is " + months + "; pass e.g. --months 12.");
        }
        if (pdfs && !receipts) {
            throw new InvalidInputException("simulate.pdfs",
                    "PDF receipts were asked for without writing receipts; drop --no-receipts, or add --no-pdf.");
        }
    }

    /** With the receipt files written. */
    public SimulationSpec(long seed, int companies, int months, YearMonth start, boolean pdfs) {
        this(seed, companies, months, start, pdfs, true);
    }

    /** The pilot: the five pilot companies, 12 months from January 2025, seed 42, with PDFs. */
    public static SimulationSpec pilot() {
        return new SimulationSpec(DEFAULT_SEED, PILOT_COMPANIES, DEFAULT_MONTHS, DEFAULT_START, true);
    }

    public SimulationSpec withSeed(long newSeed) {
        return new SimulationSpec(newSeed, companies, months, start, pdfs, receipts);
    }

    public SimulationSpec withCompanies(int newCompanies) {
        return new SimulationSpec(seed, newCompanies, months, start, pdfs, receipts);
    }

    public SimulationSpec withMonths(int newMonths) {
        return new SimulationSpec(seed, companies, newMonths, start, pdfs, receipts);
    }

    public SimulationSpec withStart(YearMonth newStart) {
        return new SimulationSpec(seed, companies, months, newStart, pdfs, receipts);
    }

    public SimulationSpec withPdfs(boolean newPdfs) {
        return new SimulationSpec(seed, companies, months, start, newPdfs, receipts);
    }

    /**
     * Without receipt files (and so without PDFs) when {@code newReceipts} is false. Turning receipts back on does
     * not bring the PDFs back: ask for them again with {@link #withPdfs}.
     */
    public SimulationSpec withReceipts(boolean newReceipts) {
        return new SimulationSpec(seed, companies, months, start, pdfs && newReceipts, newReceipts);
    }
}

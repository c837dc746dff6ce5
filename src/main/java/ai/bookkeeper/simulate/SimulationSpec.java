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
 */
public record SimulationSpec(long seed, int companies, int months, YearMonth start, boolean pdfs) {

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
    }

    /** The pilot: the five pilot companies, 12 months from January 2025, seed 42, with PDFs. */
    public static SimulationSpec pilot() {
        return new SimulationSpec(DEFAULT_SEED, PILOT_COMPANIES, DEFAULT_MONTHS, DEFAULT_START, true);
    }

    public SimulationSpec withSeed(long newSeed) {
        return new SimulationSpec(newSeed, companies, months, start, pdfs);
    }

    public SimulationSpec withCompanies(int newCompanies) {
        return new SimulationSpec(seed, newCompanies, months, start, pdfs);
    }

    public SimulationSpec withMonths(int newMonths) {
        return new SimulationSpec(seed, companies, newMonths, start, pdfs);
    }

    public SimulationSpec withStart(YearMonth newStart) {
        return new SimulationSpec(seed, companies, months, newStart, pdfs);
    }

    public SimulationSpec withPdfs(boolean newPdfs) {
        return new SimulationSpec(seed, companies, months, start, newPdfs);
    }
}

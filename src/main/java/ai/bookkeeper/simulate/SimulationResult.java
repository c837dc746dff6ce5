package ai.bookkeeper.simulate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a run wrote.
 *
 * @param companies one summary per company, in run order
 */
public record SimulationResult(Path outDir, List<CompanySummary> companies) {

    public SimulationResult {
        companies = List.copyOf(companies);
    }

    /**
     * @param transactions genuine bank lines (ground-truth rows); the CSVs hold these plus the repeated overlap rows
     * @param overlapRows  rows repeated at the top of a month file from the previous month's file
     */
    public record CompanySummary(SimulatedCompany company, int transactions, int overlapRows, int receipts,
            int pdfs, int statementFiles) {

        /** {@code hamilton_coffee_co  Hamilton Coffee Co. (RETAIL): 331 transactions, ...}: the command's line. */
        public String line() {
            return String.format(Locale.ROOT,
                    "%-28s %s (%s): %d transactions (+%d overlap rows) in %d statements, %d receipts (%d PDF)",
                    company.slug(), company.name(), company.businessType(), transactions, overlapRows,
                    statementFiles, receipts, pdfs);
        }
    }

    public int transactions() {
        return companies.stream().mapToInt(CompanySummary::transactions).sum();
    }

    public int receipts() {
        return companies.stream().mapToInt(CompanySummary::receipts).sum();
    }

    public int pdfs() {
        return companies.stream().mapToInt(CompanySummary::pdfs).sum();
    }
}

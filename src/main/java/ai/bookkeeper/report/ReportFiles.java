package ai.bookkeeper.report;

import ai.bookkeeper.tenancy.CompanyAccess;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/** Writes a company's statements for a period as formula-safe CSV files into one folder. */
@Service
public class ReportFiles {

    private final Reports reports;

    ReportFiles(Reports reports) {
        this.reports = reports;
    }

    /** Trial balance and balance sheet at {@code to}, profit and loss and general ledger over [from, to]. */
    public void write(CompanyAccess access, LocalDate from, LocalDate to, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("trial_balance.csv"), StandardCharsets.UTF_8)) {
            ReportExport.csv(reports.trialBalance(access, to), w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("profit_and_loss.csv"), StandardCharsets.UTF_8)) {
            ReportExport.csv(reports.profitAndLoss(access, from, to), w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("balance_sheet.csv"), StandardCharsets.UTF_8)) {
            ReportExport.csv(reports.balanceSheet(access, to), w);
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("general_ledger.csv"), StandardCharsets.UTF_8)) {
            ReportExport.csv(reports.generalLedger(access, from, to, null), w);
        }
    }
}

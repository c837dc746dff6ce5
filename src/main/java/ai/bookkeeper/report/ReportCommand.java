package ai.bookkeeper.report;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code report --company NAME [--from D] [--to D] [--out DIR]}: prints the statements and writes them as CSV. */
@Component
class ReportCommand implements Command {

    private final Tenancy tenancy;
    private final Reports reports;
    private final ReportFiles files;

    ReportCommand(Tenancy tenancy, Reports reports, ReportFiles files) {
        this.tenancy = tenancy;
        this.reports = reports;
        this.files = files;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "--company NAME [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out DIR]: trial balance, P&L, balance sheet, general ledger";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String companyName = null;
        LocalDate from = null;
        LocalDate to = null;
        Path dir = Path.of("reports");
        for (int i = 0; i < args.size(); i++) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--company" -> companyName = require(value, "--company");
                case "--from" -> from = date(require(value, "--from"));
                case "--to" -> to = date(require(value, "--to"));
                case "--out" -> dir = Path.of(require(value, "--out"));
                default -> throw new UsageException("Unknown option " + args.get(i) + ". " + summary());
            }
            i++;
        }
        if (companyName == null) {
            throw new UsageException("Name the company: report --company \"Hamilton Coffee Co.\"");
        }
        String name = companyName;
        Company company = tenancy.companyByName(name).or(() -> {
            try {
                return tenancy.companyById(ai.bookkeeper.shared.CompanyId.parse(name));
            } catch (RuntimeException e) {
                return java.util.Optional.empty();
            }
        }).orElseThrow(() -> new UsageException("No company named '" + name + "'. Run the pilot first, or check the name."));
        CompanyAccess access = CompanyAccess.system(company.id());
        LocalDate end = to == null ? LocalDate.now(company.timeZone()) : to;
        LocalDate start = from == null ? Reports.fiscalYearStart(company, end) : from;
        write(access, company, start, end, dir.resolve(slug(company.name())), out);
        return 0;
    }

    void write(CompanyAccess access, Company company, LocalDate from, LocalDate to, Path dir, PrintStream out)
            throws java.io.IOException {
        files.write(access, from, to, dir);
        out.println(company.name());
        ReportExport.print(reports.trialBalance(access, to), out);
        ReportExport.print(reports.profitAndLoss(access, from, to), out);
        ReportExport.print(reports.balanceSheet(access, to), out);
        out.println("CSV files in " + dir);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new UsageException(option + " needs a value.");
        }
        return value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("'" + text + "' is not a date; write it as YYYY-MM-DD.");
        }
    }
}

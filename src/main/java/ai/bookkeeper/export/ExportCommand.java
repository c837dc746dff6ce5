package ai.bookkeeper.export;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code export --company NAME --format hledger|beancount --out FILE}. */
@Component
class ExportCommand implements Command {

    private final Tenancy tenancy;
    private final BooksExport export;

    ExportCommand(Tenancy tenancy, BooksExport export) {
        this.tenancy = tenancy;
        this.export = export;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "--company NAME --format hledger|beancount --out FILE: the booked entries as an open plain-text journal";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String companyName = null;
        ExportFormat format = null;
        Path file = null;
        for (int i = 0; i < args.size(); i += 2) {
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (args.get(i)) {
                case "--company" -> companyName = require(value, "--company");
                case "--format" -> format = format(require(value, "--format"));
                case "--out" -> file = Path.of(require(value, "--out"));
                default -> throw new UsageException("Unknown option " + args.get(i) + ". Usage: export " + summary());
            }
        }
        if (companyName == null || format == null || file == null) {
            throw new UsageException("Usage: export " + summary());
        }
        Company company = company(tenancy, companyName);
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        // written beside the target and moved into place, so a failed export never leaves half a journal behind
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        BooksExport.Summary summary;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            summary = export.write(CompanyAccess.system(company.id()), format, writer);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("Exported " + summary.entries() + " booked entries of " + company.name()
                + (summary.from() == null ? "" : " (" + summary.from() + " to " + summary.to() + ")")
                + " to " + absolute + " (" + format.name().toLowerCase(java.util.Locale.ROOT) + ").");
        return 0;
    }

    /** A company by name, or by id. */
    static Company company(Tenancy tenancy, String nameOrId) {
        Optional<Company> company = tenancy.companyByName(nameOrId);
        if (company.isEmpty()) {
            try {
                company = tenancy.companyById(CompanyId.parse(nameOrId));
            } catch (RuntimeException notAnId) {
                company = Optional.empty();
            }
        }
        return company.orElseThrow(() -> new UsageException("No company named '" + nameOrId
                + "'. Check the name (run the pilot first for its companies)."));
    }

    private static ExportFormat format(String text) {
        try {
            return ExportFormat.parse(text);
        } catch (InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static String require(String value, String option) {
        if (value == null) {
            throw new UsageException(option + " needs a value.");
        }
        return value;
    }
}

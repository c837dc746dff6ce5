package ai.bookkeeper.ingest;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@code ingest --company <id-or-name> [--account <ledger code>] [--profile <name>] [--link REF=CODE] [--lenient] PATH...} */
@Component
class IngestCommand implements Command {

    static final String USAGE = "Usage: ingest --company <id-or-name> [--account <ledger code>] [--profile <saved profile>]"
            + " [--link <statement account>=<ledger code>]... [--lenient] [--detect] PATH...";

    private final Statements statements;
    private final Tenancy tenancy;

    IngestCommand(Statements statements, Tenancy tenancy) {
        this.statements = statements;
        this.tenancy = tenancy;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String summary() {
        return "import bank statements (CSV, OFX/QFX, camt.053) from files or folders";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String company = null;
        ImportOptions options = ImportOptions.defaults();
        List<String> links = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        boolean detect = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--company" -> company = value(args, ++i, arg);
                case "--account" -> options = options.account(value(args, ++i, arg));
                case "--profile" -> options = options.profile(value(args, ++i, arg));
                case "--link" -> links.add(value(args, ++i, arg));
                case "--lenient" -> options = options.lenient();
                case "--detect" -> detect = true;
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("Unknown option " + arg + ". " + USAGE);
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (company == null || paths.isEmpty() && links.isEmpty()) {
            throw new UsageException(USAGE);
        }
        CompanyAccess access = CompanyAccess.system(company(company).id());
        for (String link : links) {
            int eq = link.lastIndexOf('=');
            if (eq <= 0) {
                throw new UsageException("--link takes <statement account>=<ledger code>, e.g. --link CHK-4821=1000");
            }
            statements.linkAccount(access, link.substring(0, eq), link.substring(eq + 1));
            out.println("linked " + link.substring(0, eq) + " to ledger account " + link.substring(eq + 1));
        }
        if (detect) {
            for (Path path : paths) {
                out.println("# " + path);
                out.println(statements.detectProfile(access, path));
            }
            return 0;
        }
        List<ImportReport> reports = statements.importAll(access, paths, options);
        reports.forEach(r -> {
            out.println(r.summary());
            r.warnings().forEach(w -> out.println("  warning: " + w));
        });
        long failed = reports.stream().filter(r -> !r.ok()).count();
        out.println(reports.size() + " file(s), " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private Company company(String idOrName) {
        Optional<Company> company;
        try {
            company = tenancy.companyById(CompanyId.parse(idOrName));
        } catch (RuntimeException e) {
            company = tenancy.companyByName(idOrName);
        }
        return company.orElseThrow(() -> new UsageException("No company '" + idOrName + "'; give its id or exact name."));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value. " + USAGE);
        }
        return args.get(i);
    }
}

package ai.bookkeeper.simulate;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.shared.InvalidInputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code simulate [--out DIR] [--seed S] [--companies N] [--months M] [--start YYYY-MM] [--no-pdf] [--no-receipts]}. */
@Component
class SimulateCommand implements Command {

    static final String USAGE = "Usage: simulate [--out DIR] [--seed S] [--companies N] [--months M] "
            + "[--start YYYY-MM] [--no-pdf] [--no-receipts]\n"
            + "  defaults: --out data --seed 42 --companies 5 (the pilot companies) --months 12 --start 2025-01\n"
            + "  --no-receipts writes the statements, metadata and ground truth only (the same statements, much faster)";

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "write simulated bank statements, receipts and ground truth (--out data --seed 42)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path outDir = Path.of("data");
        SimulationSpec spec = SimulationSpec.pilot();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--no-pdf")) {
                spec = spec.withPdfs(false);
                continue;
            }
            if (option.equals("--no-receipts")) {
                spec = spec.withReceipts(false);
                continue;
            }
            if (option.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("simulate: " + option + " needs a value.\n" + USAGE);
            }
            try {
                switch (option) {
                    case "--out" -> outDir = Path.of(value);
                    case "--seed" -> spec = spec.withSeed(parseLong(option, value));
                    case "--companies" -> spec = spec.withCompanies(parseInt(option, value));
                    case "--months" -> spec = spec.withMonths(parseInt(option, value));
                    case "--start" -> spec = spec.withStart(parseMonth(value));
                    default -> throw new UsageException("simulate: unknown option '" + arg + "'.\n" + USAGE);
                }
            } catch (InvalidInputException e) {
                throw new UsageException("simulate: " + e.getMessage() + "\n" + USAGE);
            }
        }
        long started = System.nanoTime();
        SimulationResult result = Simulator.generate(spec, outDir, summary -> out.println(summary.line()));
        out.printf(Locale.ROOT, "Total: %d companies, %d transactions, %d receipts (%d PDF), seed %d, %d months "
                + "from %s, written to %s in %.1f s%n", result.companies().size(), result.transactions(),
                result.receipts(), result.pdfs(), spec.seed(), spec.months(), spec.start(), outDir,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("simulate: " + option + " takes a whole number, not '" + value + "'.\n" + USAGE);
        }
    }

    private static int parseInt(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("simulate: " + option + " takes a whole number, not '" + value + "'.\n" + USAGE);
        }
    }

    private static YearMonth parseMonth(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException("simulate: --start takes a month as YYYY-MM, e.g. 2025-01, not '" + value + "'.\n"
                    + USAGE);
        }
    }
}

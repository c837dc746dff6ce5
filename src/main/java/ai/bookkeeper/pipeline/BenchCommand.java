package ai.bookkeeper.pipeline;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.jobs.JobsProperties;
import ai.bookkeeper.platform.DatabaseProperties;
import ai.bookkeeper.simulate.SimulationResult;
import ai.bookkeeper.simulate.SimulationSpec;
import ai.bookkeeper.simulate.Simulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code bench --size N}: simulates about N bank transactions, then runs them through ingest, categorize, propose
 * and reconcile on the configured database, and prints transactions per second per stage and end to end, and the
 * peak heap. Generating the files is not timed; setting up the companies (tenant, chart, opening balances) is
 * timed and printed apart, since it does not grow with the number of transactions. Companies run {@code --workers} at
 * a time, by default as many as the job runner's threads ({@code bookkeeper.jobs.threads}, 2).
 */
@Component
class BenchCommand implements Command {

    /** The simulator writes about this many transactions per company and month (pilot mix); used to size a run. */
    static final int TRANSACTIONS_PER_COMPANY_MONTH = 28;
    private static final int MAX_MONTHS = 120;

    private final BenchRunner runner;
    private final DatabaseProperties database;
    private final JobsProperties jobs;

    BenchCommand(BenchRunner runner, DatabaseProperties database, JobsProperties jobs) {
        this.runner = runner;
        this.database = database;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "--size 10000|100000|1000000 [--companies N] [--workers 2] [--data DIR] [--seed 42]: pipeline throughput on the configured database";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int size = 0;
        Integer companies = null;
        Path data = null;
        long seed = SimulationSpec.DEFAULT_SEED;
        int workers = jobs.threads(); // as many companies at a time as the job runner imports
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--size" -> size = positive(value(args, ++i, "--size"), "--size");
                case "--companies" -> companies = positive(value(args, ++i, "--companies"), "--companies");
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--workers" -> workers = positive(value(args, ++i, "--workers"), "--workers");
                default -> throw new UsageException("Unknown option " + args.get(i) + ". bench " + summary());
            }
        }
        if (size == 0) {
            throw new UsageException("bench needs --size, e.g. bench --size 100000.");
        }
        SimulationSpec spec = plan(size, companies, seed);
        boolean temporary = data == null;
        Path dir = temporary ? Files.createTempDirectory("bookkeeper-bench") : data;
        try {
            long t0 = System.nanoTime();
            SimulationResult simulation = Simulator.generate(spec, dir);
            out.printf(Locale.ROOT, "bench: %d transactions requested on %s (%s)%n", size, database.engine(),
                    redact(database.url()));
            out.printf(Locale.ROOT, "simulated %d companies x %d months (%d transactions) in %.1f s, not timed below%n",
                    spec.companies(), spec.months(), simulation.transactions(), (System.nanoTime() - t0) / 1e9);
            BenchRunner.Result result = runner.run(simulation, dir, size, workers);
            result.print(out);
            return result.countsAddUp() ? 0 : 1;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    /** Enough companies and months to reach {@code size} with a margin; 120 months per company at most. */
    static SimulationSpec plan(int size, Integer companies, long seed) {
        long wanted = (long) Math.ceil(size * 1.15);
        int n = companies != null ? companies
                : (int) Math.max(1, Math.ceil(wanted / (double) (TRANSACTIONS_PER_COMPANY_MONTH * MAX_MONTHS)));
        int months = (int) Math.min(MAX_MONTHS, Math.max(2, Math.ceil(wanted / (double) (TRANSACTIONS_PER_COMPANY_MONTH * n))));
        if ((long) n * months * TRANSACTIONS_PER_COMPANY_MONTH < size) {
            throw new UsageException("--companies " + n + " can't hold " + size + " transactions in " + MAX_MONTHS
                    + " months; pass at least " + (int) Math.ceil(wanted / (double) (TRANSACTIONS_PER_COMPANY_MONTH * MAX_MONTHS))
                    + " or leave it out.");
        }
        // the bench reads the statements only: receipt files would be most of the (untimed) simulation's time
        return new SimulationSpec(seed, n, months, SimulationSpec.DEFAULT_START, false, false);
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive whole number, not '" + text + "'.");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value.");
        }
        return args.get(i);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package ai.bookkeeper.pipeline;

import ai.bookkeeper.cli.Command;
import ai.bookkeeper.categorize.ReliabilityTable;
import ai.bookkeeper.cli.UsageException;
import ai.bookkeeper.platform.PlannerStatistics;
import ai.bookkeeper.report.ReportFiles;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.simulate.SimulationResult;
import ai.bookkeeper.simulate.SimulationSpec;
import ai.bookkeeper.simulate.Simulator;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code pilot}: simulate five companies (seed 42) and run the whole product on them — tenants, charts, import,
 * categorization, auto-approval, review, reconciliation, reports — then write the metrics, the KPI report with its
 * chart, and the feedback dataset. One company's failure never stops another; the exit status says if any failed.
 */
@Component
class PilotCommand implements Command {

    private final PilotRunner runner;
    private final ReviewQueue review;
    private final ReportFiles reportFiles;
    private final PlannerStatistics statistics;

    PilotCommand(PilotRunner runner, ReviewQueue review, ReportFiles reportFiles, PlannerStatistics statistics) {
        this.statistics = statistics;
        this.runner = runner;
        this.review = review;
        this.reportFiles = reportFiles;
    }

    @Override
    public String name() {
        return "pilot";
    }

    @Override
    public String summary() {
        return "[--seed 42] [--data data] [--reports reports] [--quiet]: simulate five companies and run everything end to end";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long seed = SimulationSpec.DEFAULT_SEED;
        Path data = Path.of("data");
        Path reportsDir = Path.of("reports");
        boolean quiet = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--reports" -> reportsDir = Path.of(value(args, ++i, "--reports"));
                case "--quiet" -> quiet = true;
                default -> throw new UsageException("Unknown option " + args.get(i) + ". pilot " + summary());
            }
        }
        long started = System.nanoTime();
        Progress progress = new Progress(out, quiet);
        SimulationSpec spec = new SimulationSpec(seed, SimulationSpec.PILOT_COMPANIES, SimulationSpec.DEFAULT_MONTHS,
                SimulationSpec.DEFAULT_START, true);
        SimulationResult simulation = Simulator.generate(spec, data);
        progress.line("Simulated " + simulation.transactions() + " transactions and " + simulation.receipts()
                + " receipts for " + simulation.companies().size() + " companies into " + data);

        List<CompanyMetrics> metrics = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        Path feedback = data.resolve("feedback").resolve("training.csv");
        Files.createDirectories(feedback.getParent());
        try (Writer feedbackOut = Files.newBufferedWriter(feedback, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (SimulationResult.CompanySummary summary : simulation.companies()) {
                var company = summary.company();
                progress.start(company.name(), 12);
                try {
                    PilotRunner.Run run = runner.run(company, data, file -> progress.step(company.name()));
                    metrics.add(run.metrics());
                    confidences.addAll(run.confidences());
                    correct.addAll(run.correct());
                    review.writeFeedback(run.access(), feedbackOut, header);
                    header = false;
                    LocalDate end = LocalDate.of(2025, 12, 31);
                    reportFiles.write(run.access(), LocalDate.of(2025, 1, 1), end, reportsDir.resolve(company.slug()));
                    progress.done(company.name(), run.metrics());
                } catch (Exception e) {
                    progress.line("  " + company.name() + " FAILED: " + e);
                    metrics.add(failed(company.name(), e));
                }
            }
        }
        statistics.analyzeAll(); // the pilot is a bulk load: leave the books ready for the dashboard and the API
        double[] c = confidences.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] ok = new boolean[correct.size()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = correct.get(i);
        }
        ReliabilityTable reliability = ReliabilityTable.of(c, ok, 10);
        PilotReport.writeJson(metrics, reliability, reportsDir.resolve("simulation_metrics.json"));
        PilotReport.writeChart(metrics, reportsDir.resolve("automation_by_month.png"));
        PilotReport.writeMarkdown(metrics, reliability, "automation_by_month.png", "java -jar target/ai-bookkeeper.jar pilot",
                reportsDir.resolve("pilot_metrics.md"));
        summary(out, metrics, (System.nanoTime() - started) / 1e9, reportsDir, feedback);
        return metrics.stream().anyMatch(CompanyMetrics::failed) ? 1 : 0;
    }

    private static CompanyMetrics failed(String name, Exception e) {
        return new CompanyMetrics(null, name, 0, 0, 0, 0, 0, 0, 0, List.of(String.valueOf(e.getMessage())), 0,
                java.util.Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 1, false, false, 0, 0, java.util.Map.of(), 0);
    }

    private static void summary(PrintStream out, List<CompanyMetrics> metrics, double seconds, Path reports, Path feedback) {
        out.println();
        out.printf(Locale.ROOT, "%-30s %6s %8s %6s %8s %9s %8s %6s%n", "Company", "Txns", "Proposed", "Auto%",
                "Precis.%", "Accuracy%", "Recon%", "Errors");
        for (CompanyMetrics c : metrics) {
            out.printf(Locale.ROOT, "%-30s %6d %8d %6.1f %8.1f %9.1f %8.1f %6d%n", c.company_name(), c.transactions_ingested(),
                    c.journal_entries_proposed(), c.auto_approval_rate() * 100, c.auto_approval_precision() * 100,
                    c.categorization_accuracy() * 100, c.reconciliation_rate() * 100, c.errors().size());
        }
        var t = PilotReport.totals(metrics);
        out.printf(Locale.ROOT, "%-30s %6d %8d %6.1f %8.1f %9.1f %8.1f %6d%n", "Total", (long) t.get("transactions_ingested"),
                (long) t.get("journal_entries_proposed"), (double) t.get("auto_approval_rate") * 100,
                (double) t.get("auto_approval_precision") * 100, (double) t.get("categorization_accuracy") * 100,
                (double) t.get("reconciliation_rate") * 100, (long) t.get("errors"));
        out.printf(Locale.ROOT, "%nFinished in %.1f s. Metrics: %s, %s; feedback dataset: %s%n", seconds,
                reports.resolve("simulation_metrics.json"), reports.resolve("pilot_metrics.md"), feedback);
        out.println("See it in the browser: java -jar target/ai-bookkeeper.jar serve, then sign in at http://localhost:8080"
                + " as sarah@hamiltoncoffee.com (or any owner in data/simulated_metadata/*/company.json) with password '"
                + PilotRunner.OWNER_PASSWORD + "'.");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value.");
        }
        return args.get(i);
    }

    /** A progress bar per company on a terminal; plain lines otherwise; nothing but the summary with --quiet. */
    private static final class Progress {
        private final PrintStream out;
        private final boolean quiet;
        private final boolean terminal = System.console() != null;
        private long started;
        private int steps;
        private int total;

        Progress(PrintStream out, boolean quiet) {
            this.out = out;
            this.quiet = quiet;
        }

        void line(String text) {
            if (!quiet) {
                out.println(text);
            }
        }

        void start(String company, int expected) {
            started = System.nanoTime();
            steps = 0;
            total = expected;
            if (!quiet && !terminal) {
                out.println(company + ": importing " + expected + " monthly statements");
            }
        }

        void step(String company) {
            steps++;
            if (!quiet && terminal) {
                int width = 24;
                int filled = Math.min(width, steps * width / Math.max(total, 1));
                double elapsed = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "\r%-30s [%s%s] %2d/%d files %5.1f files/s %5.1f s", company,
                        "#".repeat(filled), " ".repeat(width - filled), steps, total, steps / Math.max(elapsed, 1e-3), elapsed);
            }
        }

        void done(String company, CompanyMetrics m) {
            if (quiet) {
                return;
            }
            if (terminal) {
                out.println();
            }
            out.printf(Locale.ROOT, "  %s: %d transactions, %d proposed, %.1f%% auto-approved, %.1f%% reconciled, %.1f s%n",
                    company, m.transactions_ingested(), m.journal_entries_proposed(), m.auto_approval_rate() * 100,
                    m.reconciliation_rate() * 100, m.processing_time_seconds());
        }
    }
}

package ai.bookkeeper.pipeline;

import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.platform.DatabaseWriteLock;
import ai.bookkeeper.platform.WriteLockUsage;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.simulate.SimulatedCompany;
import ai.bookkeeper.simulate.SimulationLayout;
import ai.bookkeeper.simulate.SimulationResult;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs simulated companies through the product as fast as it goes: per company, one statement covering all its
 * months is imported, then the pipeline runs once over all of the company's new transactions (one large batch per
 * company, where the pilot goes month by month to let a reviewer and the model learn in between).
 */
@Component
class BenchRunner {

    static final List<String> STAGES = List.of(Pipeline.INGEST, Pipeline.CATEGORIZE, Pipeline.PROPOSE, Pipeline.RECONCILE);

    private final Tenancy tenancy;
    private final Statements statements;
    private final Pipeline pipeline;
    private final PilotRunner pilot;
    private final DatabaseWriteLock writeLock;
    private final JsonMapper json = JsonMapper.builder().build();

    BenchRunner(Tenancy tenancy, Statements statements, Pipeline pipeline, PilotRunner pilot, DatabaseWriteLock writeLock) {
        this.tenancy = tenancy;
        this.statements = statements;
        this.pipeline = pipeline;
        this.pilot = pilot;
        this.writeLock = writeLock;
    }

    /** What a run measured. Seconds per stage are summed over companies; end to end is the wall clock of all of them. */
    record Result(long transactions, Map<String, Long> nanosByStage, long endToEndNanos, long setupNanos,
                  int companies, int workers, Pipeline.Outcome outcome, long peakHeapBytes, long maxHeapBytes, long gcCount,
                  long gcMillis, long cpuNanos, long jitMillis, Optional<WriteLockUsage> writeLock) {

        /** Every transaction ended in exactly one place: proposed, a transfer leg, matched, or pending. */
        boolean countsAddUp() {
            return outcome.transactions() == transactions
                    && outcome.proposed() + outcome.transfers() + outcome.matchedExisting() + outcome.skipped() == transactions
                    && outcome.autoApproved() + outcome.queued() == outcome.proposed();
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "set-up of %d companies (tenant, chart, statement accounts, opening balances): %.2f s%n",
                    companies, setupNanos / 1e9);
            if (workers > 1) {
                out.printf(Locale.ROOT, "%d companies at a time; a stage's seconds are summed over them%n", workers);
            }
            out.printf(Locale.ROOT, "%-12s %12s %10s %16s%n", "stage", "transactions", "seconds", "transactions/s");
            nanosByStage.forEach((stage, nanos) -> row(out, stage, nanos));
            row(out, "end to end", endToEndNanos);
            out.printf(Locale.ROOT, "outcome: %d proposed (%d auto-approved, %d queued), %d transfer legs, %d matched to"
                            + " existing entries, %d pending skipped, %d reconciled; counts add up: %s%n",
                    outcome.proposed(), outcome.autoApproved(), outcome.queued(), outcome.transfers(),
                    outcome.matchedExisting(), outcome.skipped(), outcome.reconciled(), countsAddUp() ? "yes" : "NO");
            writeLock.ifPresent(lock -> out.printf(Locale.ROOT, "SQLite's write lock: held %.2f s (%.0f %% of the end-to-end"
                    + " time) in %d transactions, the longest since start-up %.2f s; transactions waited %.2f s in all for it%n",
                    lock.held().toNanos() / 1e9, 100.0 * lock.held().toNanos() / Math.max(endToEndNanos, 1), lock.turns(),
                    lock.longestHeldSinceStart().toNanos() / 1e9, lock.waited().toNanos() / 1e9));
            out.printf(Locale.ROOT, "peak heap: %d MB used of %d MB max; GC: %d collections, %d ms%n",
                    peakHeapBytes >> 20, maxHeapBytes >> 20, gcCount, gcMillis);
            // on a shared machine the wall clock depends on the neighbours; the CPU time of this process does less
            out.printf(Locale.ROOT, "CPU time of this JVM during the run: %.2f s (%.0f transactions per CPU second;"
                    + " the database server's CPU is not included)%n", cpuNanos / 1e9, transactions / Math.max(cpuNanos / 1e9, 1e-9));
            // on two cores the compilers compete with the run itself for the cores
            if (jitMillis >= 0) {
                out.printf(Locale.ROOT, "JIT compilers during the run: %.2f s (summed over their threads, as the"
                        + " JVM counts it: time spent compiling, which on a busy machine includes waiting for a core)%n", jitMillis / 1e3);
            }
        }

        private void row(PrintStream out, String stage, long nanos) {
            double seconds = nanos / 1e9;
            out.printf(Locale.ROOT, "%-12s %12d %10.2f %16.0f%n", stage, transactions, seconds,
                    transactions / Math.max(seconds, 1e-9));
        }
    }

    /**
     * Runs the companies {@code workers} at a time, as the job runner's threads import statements of different
     * companies at once (each company's own work stays in order: import, then the pipeline).
     */
    Result run(SimulationResult simulation, Path dataDir, int size, int workers) throws IOException {
        try (HeapSampler heap = new HeapSampler()) {
            long cpu0 = cpuNanos();
            long jit0 = jitMillis();
            long gcCount0 = gcCount();
            long gcMillis0 = gcMillis();
            List<Path> merged = mergeStatements(simulation, dataDir, size);
            long setupStart = System.nanoTime();
            String runId = Ids.newId().toString().substring(24); // the random tail: the head of a UUIDv7 is the clock
            User owner = tenancy.registerUser("bench-" + runId + "@bench.invalid", "Bench " + runId, "bench-" + runId + "-password");
            List<CompanyAccess> accesses = new ArrayList<>();
            for (int c = 0; c < merged.size(); c++) {
                accesses.add(setUp(owner, simulation.companies().get(c).company(), dataDir, runId));
            }
            long setupNanos = System.nanoTime() - setupStart;

            Map<String, AtomicLong> nanos = new LinkedHashMap<>();
            STAGES.forEach(stage -> nanos.put(stage, new AtomicLong()));
            Pipeline.Stages stages = (stage, spent) -> nanos.get(stage).addAndGet(spent);
            int[] totals = new int[8];
            long transactions = 0;
            Optional<WriteLockUsage> lock0 = writeLock.usage();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers, BenchRunner::workerThread);
            try {
                List<Future<Pipeline.Outcome>> runs = new ArrayList<>();
                for (int c = 0; c < merged.size(); c++) {
                    CompanyAccess access = accesses.get(c);
                    Path file = merged.get(c);
                    runs.add(pool.submit(() -> runCompany(access, file, nanos, stages)));
                }
                for (Future<Pipeline.Outcome> run : runs) {
                    Pipeline.Outcome o = await(run);
                    transactions += o.transactions();
                    add(totals, o);
                }
            } finally {
                pool.shutdownNow();
            }
            long endToEnd = System.nanoTime() - started;
            Optional<WriteLockUsage> lock = writeLock.usage().map(now -> now.since(lock0.orElseThrow()));
            long cpu = cpuNanos() - cpu0;
            long jit = jit0 < 0 ? -1 : jitMillis() - jit0;
            Map<String, Long> byStage = new LinkedHashMap<>();
            nanos.forEach((stage, n) -> byStage.put(stage, n.get()));
            Pipeline.Outcome outcome = new Pipeline.Outcome(totals[0], totals[1], totals[2], totals[3], totals[4],
                    totals[5], totals[6], totals[7]);
            return new Result(transactions, byStage, endToEnd, setupNanos, merged.size(), workers, outcome, heap.peak(),
                    Runtime.getRuntime().maxMemory(), gcCount() - gcCount0, gcMillis() - gcMillis0, cpu, jit, lock);
        }
    }

    /** One company's statement, imported and then run through the pipeline, as one import job does it. */
    private Pipeline.Outcome runCompany(CompanyAccess access, Path file, Map<String, AtomicLong> nanos,
                                        Pipeline.Stages stages) {
        long t0 = System.nanoTime();
        ImportReport report = statements.importFile(access, file, ImportOptions.defaults());
        if (!report.ok()) {
            throw new IllegalStateException("The simulated statement " + file + " did not import: " + report.summary());
        }
        nanos.get(Pipeline.INGEST).addAndGet(System.nanoTime() - t0);
        return pipeline.processImports(access, stages).outcome();
    }

    private static Pipeline.Outcome await(Future<Pipeline.Outcome> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The bench was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("A bench company failed: " + e.getCause(), e.getCause());
        }
    }

    private static Thread workerThread(Runnable task) {
        Thread thread = new Thread(task, "bench-worker");
        thread.setDaemon(true);
        return thread;
    }

    private CompanyAccess setUp(User owner, SimulatedCompany simulated, Path dataDir, String runId) throws IOException {
        Company company = tenancy.createCompany(owner.id(), new NewCompany(simulated.name() + " [bench " + runId + "]",
                simulated.businessType(), CurrencyCode.USD, 1, "America/New_York", null));
        CompanyAccess access = tenancy.access(owner.id(), company.id());
        Path metadata = dataDir.resolve(SimulationLayout.METADATA).resolve(simulated.slug());
        pilot.linkStatementAccounts(access, json.readTree(metadata.resolve("coa.json").toFile()));
        pilot.bookOpeningBalances(access, json.readTree(metadata.resolve("company.json").toFile()));
        return access;
    }

    /**
     * One statement per company, as a bank's export of the whole period would be: the monthly files in order, without
     * the rows a month repeats from the end of the month before, and no more rows in all than {@code size}. Not timed.
     */
    static List<Path> mergeStatements(SimulationResult simulation, Path dataDir, int size) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("bench_statements"));
        List<Path> merged = new ArrayList<>();
        long rows = 0;
        for (SimulationResult.CompanySummary summary : simulation.companies()) {
            if (rows >= size) {
                break;
            }
            Path target = dir.resolve(summary.company().slug() + ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                Set<String> previous = Set.of();
                boolean header = true;
                for (Path file : statementFiles(dataDir, summary.company())) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (header) {
                        out.write(lines.get(0));
                        out.newLine();
                        header = false;
                    }
                    int first = 1;
                    while (first < lines.size() && previous.contains(lines.get(first))) {
                        first++; // an overlap row: the bank repeats the end of the previous month
                    }
                    for (int i = first; i < lines.size() && rows < size; i++) {
                        out.write(lines.get(i));
                        out.newLine();
                        rows++;
                    }
                    previous = new HashSet<>(lines.subList(1, lines.size()));
                }
            }
            merged.add(target);
        }
        return merged;
    }

    private static List<Path> statementFiles(Path dataDir, SimulatedCompany company) throws IOException {
        try (Stream<Path> list = Files.list(dataDir.resolve(SimulationLayout.CSV).resolve(company.slug()))) {
            return list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    private static void add(int[] totals, Pipeline.Outcome o) {
        totals[0] += o.transactions();
        totals[1] += o.proposed();
        totals[2] += o.autoApproved();
        totals[3] += o.queued();
        totals[4] += o.transfers();
        totals[5] += o.matchedExisting();
        totals[6] += o.reconciled();
        totals[7] += o.skipped();
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The JIT compilers' accumulated time in milliseconds, or -1 where the JVM does not report it. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * The most heap in use at any moment of the run, sampled every 20 ms (the pools' own peak counters add up peaks
     * of different moments, which overstates it).
     */
    private static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            sample();
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}

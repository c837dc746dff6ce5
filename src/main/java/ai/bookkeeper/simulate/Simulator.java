package ai.bookkeeper.simulate;

import ai.bookkeeper.simulate.SimulationResult.CompanySummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Writes simulated companies' bank statements, receipts, metadata and ground truth under an output directory
 * (layout: {@link SimulationLayout}). Needs no Spring. Same spec, same bytes: every company draws from its own
 * generator seeded by (seed, company index), so company 3 is the same whether a run has 5 companies or 1,000.
 * Only a handful of companies are in memory at once, so memory stays flat at any scale.
 */
public final class Simulator {

    private Simulator() {
    }

    /** The five pilot companies, without writing anything. */
    public static List<SimulatedCompany> pilotCompanies() {
        return CompanyRoster.pilot();
    }

    public static SimulationResult generate(SimulationSpec spec, Path outDir) {
        return generate(spec, outDir, summary -> { });
    }

    /**
     * Replaces the four {@code simulated_*} directories under {@code outDir} (and nothing else there) with a new run.
     *
     * @param onCompany called after each company is written, in company order (the command prints a line)
     */
    public static SimulationResult generate(SimulationSpec spec, Path outDir, Consumer<CompanySummary> onCompany) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outDir, "outDir");
        try {
            for (String dir : List.of(SimulationLayout.CSV, SimulationLayout.DOCS, SimulationLayout.METADATA,
                    SimulationLayout.TRUTH)) {
                deleteTree(outDir.resolve(dir));
            }
            return new SimulationResult(outDir, writeCompanies(spec, outDir, onCompany));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the simulation under " + outDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Companies are independent (own generator, own directories), so a few are written at once: the work is
     * mostly creating small files, and overlapping that with drawing the next company pays. At most
     * {@code 2 * threads} companies are in flight, which bounds memory; results are handed on in company order.
     */
    private static List<CompanySummary> writeCompanies(SimulationSpec spec, Path outDir,
            Consumer<CompanySummary> onCompany) throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "simulate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompanySummary> summaries = new ArrayList<>(spec.companies());
            Deque<Future<CompanySummary>> inFlight = new ArrayDeque<>();
            for (int index = 0; index < spec.companies(); index++) {
                int company = index;
                inFlight.add(pool.submit(() -> company(spec, outDir, company)));
                if (inFlight.size() >= 2 * threads) {
                    summaries.add(next(inFlight, onCompany));
                }
            }
            while (!inFlight.isEmpty()) {
                summaries.add(next(inFlight, onCompany));
            }
            return summaries;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CompanySummary next(Deque<Future<CompanySummary>> inFlight, Consumer<CompanySummary> onCompany)
            throws IOException {
        try {
            CompanySummary summary = inFlight.removeFirst().get();
            onCompany.accept(summary);
            return summary;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while simulating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CompanySummary company(SimulationSpec spec, Path outDir, int index) throws IOException {
        SplittableRandom rng = new SplittableRandom(companySeed(spec.seed(), index));
        SimulatedCompany company = CompanyRoster.company(index, rng);
        Book book = new BookGenerator(company, rng, spec.start(), spec.months(), spec.pdfs()).generate();
        String slug = company.slug();
        MetadataFiles.write(SimulationLayout.metadataDir(outDir, slug), book);
        int overlap = CompanyFiles.writeStatements(SimulationLayout.csvDir(outDir, slug), book);
        CompanyFiles.writeTruth(SimulationLayout.truthDir(outDir, slug), book, spec.receipts());
        int receipts = spec.receipts() ? book.receipts().size() : 0;
        int pdfs = spec.receipts() ? CompanyFiles.writeReceipts(SimulationLayout.docsDir(outDir, slug), book) : 0;
        return new CompanySummary(company, book.genuineLines(), overlap, receipts, pdfs, book.months().size());
    }

    /** SplitMix64's finalizer over (seed, index): neighbouring seeds and indexes give unrelated streams. */
    static long companySeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package ai.bookkeeper.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;

class SimulatorAtScaleTest {

    /**
     * 145,000 small files: on a RAM disk when the machine has one, so that the test times the generator rather than
     * a disk shared with parallel builds (creating and then deleting that many files on a busy ext4 volume mounted
     * with {@code discard} takes minutes); elsewhere the default temporary directory.
     */
    static final class RamDiskWhenAvailable implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "simulate-scale")
                    : Files.createTempDirectory("simulate-scale");
        }
    }

    @Test
    void a_thousand_companies_for_twelve_months_stream_to_disk_in_a_256_mb_heap_in_well_under_a_minute(
            @TempDir(factory = RamDiskWhenAvailable.class) Path out) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = out.resolve("child.log");
        Path data = out.resolve("data");
        long started = System.nanoTime();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SimulateAtScaleMain.class.getName(), data.toString(), "1000", "12")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = child.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished in 90 s; output:\n" + output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(took).as("generation time").isLessThan(Duration.ofSeconds(45));

        Matcher totals = Pattern.compile("companies=(\\d+) transactions=(\\d+) receipts=(\\d+) pdfs=(\\d+) "
                + "maxHeapMb=(\\d+)").matcher(output);
        assertThat(totals.find()).as(output).isTrue();
        assertThat(Integer.parseInt(totals.group(1))).isEqualTo(1000);
        // 200 companies of each type, each about the size of its pilot company: 200 * 1702 transactions
        assertThat(Integer.parseInt(totals.group(2))).isCloseTo(340_400, within(34_040));
        assertThat(Integer.parseInt(totals.group(3))).isCloseTo(126_800, within(12_680));
        assertThat(Integer.parseInt(totals.group(4))).isZero();
        assertThat(Integer.parseInt(totals.group(5))).isLessThanOrEqualTo(256);

        try (Stream<Path> companies = Files.list(data.resolve(SimulationLayout.CSV))) {
            List<Path> dirs = companies.toList();
            assertThat(dirs).hasSize(1000);
            assertThat(Trees.list(dirs.get(dirs.size() - 1), "bank_*.csv")).hasSize(12);
        }
        assertThat(data.resolve(SimulationLayout.TRUTH).resolve("midwest_accounting_advisors")
                .resolve("ground_truth.csv")).isRegularFile();
    }
}

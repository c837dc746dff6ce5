package ai.bookkeeper.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Streaming, proven under a 256 MB heap in a child JVM: a million-row CSV imports, and a 100 MB single line is
 * refused with an error instead of an OutOfMemoryError.
 */
class LargeCsvImportTest {

    static final int ROWS = 1_000_000;
    static final Path DIR = Path.of("target", "ingest-large");

    @Test
    void a_million_row_csv_imports_and_a_100_mb_line_is_refused_under_a_256_mb_heap() throws Exception {
        Files.createDirectories(DIR);
        Path csv = DIR.resolve("million.csv");
        Path oneLine = DIR.resolve("one-line.csv");
        if (!Files.exists(csv)) {
            writeMillionRows(csv);
        }
        if (!Files.exists(oneLine)) {
            writeOneHugeLine(oneLine);
        }
        Path database = DIR.resolve("large-" + System.nanoTime() + ".db");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                LargeImportMain.class.getName(), csv.toString(), oneLine.toString(), database.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve("child.log").toFile()).start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(DIR.resolve("child.log"));
        System.out.println(log.lines().filter(l -> l.startsWith("large") || l.startsWith("seconds") || l.startsWith("one-line"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(finished).as(log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("large: million.csv: 1000000 read, 1000000 new, 0 duplicate, 0 rejected")
                .contains("one-line: one-line.csv: FAILED: one-line.csv: line 2 is longer than 65536 characters")
                .contains("transactions=1");
        Files.deleteIfExists(database);
    }

    private static void writeMillionRows(Path csv) throws IOException {
        Random random = new Random(42);
        DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        LocalDate day = LocalDate.of(2020, 1, 1);
        BigDecimal balance = BigDecimal.ZERO;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Date,Description,Amount,Balance,Account\n");
            for (int i = 0; i < ROWS; i++) {
                if (i % 400 == 399) {
                    day = day.plusDays(1);
                }
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(200_000) - 100_000, 2);
                balance = balance.add(amount);
                out.write(us.format(day) + ",POS DEBIT VENDOR " + (i % 997) + " STORE #" + (i % 50) + ","
                        + amount.toPlainString() + "," + balance.toPlainString() + ",CHK-4821\n");
            }
        }
    }

    private static void writeOneHugeLine(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Date,Description,Amount\n03/01/2026,\"");
            char[] chunk = new char[1024 * 1024];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.write("\",-1.00\n");
        }
    }
}

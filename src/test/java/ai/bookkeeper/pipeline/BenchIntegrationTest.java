package ai.bookkeeper.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.cli.Commands;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The benchmark command runs small: it times every stage and every transaction ends up somewhere. No speed asserted. */
class BenchIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Commands commands;

    @Test
    void a_small_bench_prints_every_stage_and_its_counts_add_up(@TempDir Path dir) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        int status = commands.run(new String[] {"bench", "--size", "2000", "--data", dir.toString()}, out, out);

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        for (String stage : new String[] {"ingest", "categorize", "propose", "reconcile", "end to end"}) {
            Matcher row = Pattern.compile("(?m)^" + stage + " +(\\d+) +[0-9.]+ +\\d+$").matcher(printed);
            assertThat(row.find()).as("a row for %s in%n%s", stage, printed).isTrue();
            assertThat(Long.parseLong(row.group(1))).as(stage).isEqualTo(2000);
        }
        Matcher outcome = Pattern.compile("outcome: (\\d+) proposed \\((\\d+) auto-approved, (\\d+) queued\\), (\\d+) transfer legs,"
                + " (\\d+) matched to existing entries, (\\d+) pending skipped, (\\d+) reconciled; counts add up: yes").matcher(printed);
        assertThat(outcome.find()).as(printed).isTrue();
        long proposed = group(outcome, 1);
        assertThat(group(outcome, 2) + group(outcome, 3)).isEqualTo(proposed);
        assertThat(proposed + group(outcome, 4) + group(outcome, 5) + group(outcome, 6)).isEqualTo(2000);
        assertThat(group(outcome, 7)).isPositive().isLessThanOrEqualTo(2000);
        assertThat(printed).containsPattern("peak heap: \\d+ MB used of \\d+ MB max");
        assertThat(printed).containsPattern("CPU time of this JVM during the run: [0-9.]+ s");
        assertThat(printed).as("HotSpot reports its compilers' time")
                .containsPattern("JIT compilers during the run: \\d+\\.\\d\\d s \\(summed over their threads");
        if (TestDatabase.isPostgres()) {
            assertThat(printed).doesNotContain("write lock");
        } else {
            Matcher lock = Pattern.compile("SQLite's write lock: held [0-9.]+ s \\(\\d+ % of the end-to-end time\\) in (\\d+)"
                    + " transactions, the longest since start-up [0-9.]+ s; transactions waited [0-9.]+ s in all for it").matcher(printed);
            assertThat(lock.find()).as(printed).isTrue();
            assertThat(Long.parseLong(lock.group(1))).as("at least the import and the booking of each company").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void two_workers_end_with_the_same_outcome_as_one(@TempDir Path one, @TempDir Path two) {
        String alone = outcomeOf(one, "1");
        String together = outcomeOf(two, "2");

        assertThat(together).isEqualTo(alone).contains("counts add up: yes");
    }

    private String outcomeOf(Path dir, String workers) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = commands.run(new String[] {"bench", "--size", "1500", "--companies", "3", "--workers", workers,
                "--data", dir.toString()}, out, out);
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        Matcher outcome = Pattern.compile("(?m)^outcome: .*$").matcher(printed);
        assertThat(outcome.find()).as(printed).isTrue();
        return outcome.group();
    }

    @Test
    void bench_without_a_size_says_how_to_call_it() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        assertThat(commands.run(new String[] {"bench"}, out, out)).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("bench needs --size");
    }

    private static long group(Matcher m, int i) {
        return Long.parseLong(m.group(i));
    }
}

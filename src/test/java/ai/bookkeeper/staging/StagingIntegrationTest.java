package ai.bookkeeper.staging;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.BookkeeperApplication;
import ai.bookkeeper.jobs.Job;
import ai.bookkeeper.jobs.JobId;
import ai.bookkeeper.jobs.JobStatus;
import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.Fixtures;
import ai.bookkeeper.testing.PostgresAvailable;
import ai.bookkeeper.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The staging topology on loopback: two application instances (child JVMs, the test classpath) on one PostgreSQL
 * database, sharing the job queue. Shows that the work is spread over both, that no job completes twice, and that
 * killing an instance mid-run loses nothing: its running jobs are revived on the survivor once their heartbeats stop.
 */
@ExtendWith(PostgresAvailable.class)
class StagingIntegrationTest {

    private static final int JOBS = 40;

    private final List<Process> instances = new ArrayList<>();
    private ConfigurableApplicationContext submitter;

    @Test
    void two_instances_share_the_job_queue_run_each_job_once_and_lose_none_when_one_is_killed() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "Staging runs in the PostgreSQL pass only: two JVMs sharing"
                + " one SQLite file is not the production topology (PostgreSQL is). Skipped in the SQLite pass.");
        String url = TestDatabase.freshUrl();
        Path records = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "staging-runs-");
        // the submitter migrates the fresh database first, so the two instances start on a ready schema; settings go
        // in as arguments because default properties rank below application.yml
        submitter = new SpringApplicationBuilder(BookkeeperApplication.class).web(WebApplicationType.NONE)
                .profiles("staging-test")
                .run("--bookkeeper.db.url=" + url, "--bookkeeper.db.user=" + TestDatabase.user(),
                        "--bookkeeper.db.password=" + TestDatabase.password(), "--bookkeeper.jobs.worker=false",
                        "--bookkeeper.staging-test.record-dir=" + records);
        Tenancy tenancy = submitter.getBean(Tenancy.class);
        Jobs jobs = submitter.getBean(Jobs.class);
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);

        int portA = freePort();
        int portB = freePort();
        Process a = start("a", portA, url, records);
        Process b = start("b", portB, url, records);
        awaitHealthy(portA, a, records.resolve("a.out"));
        awaitHealthy(portB, b, records.resolve("b.out"));

        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(jobs.submit(owner, StagingRecordingHandler.TYPE, String.format("job-%02d", i)));
        }
        // kill b while it is running a job, once both have finished some: that is "mid-way"
        await(Duration.ofSeconds(40), "both instances to finish a job and b to be in the middle of one", () ->
                ends(records, "a") > 0 && ends(records, "b") > 0 && starts(records, "b") > ends(records, "b"));
        b.destroyForcibly().waitFor();
        List<String> runningOnB = unfinished(records, "b");
        assertThat(runningOnB).as("jobs b was running when killed").isNotEmpty();

        await(Duration.ofSeconds(45), "every job to finish on the survivor", () ->
                ids.stream().allMatch(id -> jobs.job(owner, id).status().isFinal()));

        Map<String, Long> endsByJob = runs(records, "end ");
        assertThat(ids).allSatisfy(id -> assertThat(jobs.job(owner, id).status()).isEqualTo(JobStatus.SUCCEEDED));
        assertThat(endsByJob).hasSize(JOBS).allSatisfy((job, count) -> assertThat(count).as(job).isEqualTo(1L));
        assertThat(lines(records, "a").stream().filter(l -> l.startsWith("end ")).count()).isPositive();
        assertThat(lines(records, "b").stream().filter(l -> l.startsWith("end ")).count()).isPositive();
        for (String job : runningOnB) {
            assertThat(lines(records, "a")).as("%s, revived on a", job).contains("end " + job);
        }
        // only a run cut short by the kill is ever started again
        Map<String, Long> startsByJob = runs(records, "start ");
        startsByJob.forEach((job, count) -> assertThat(count).as("starts of %s", job)
                .isEqualTo(runningOnB.contains(job) ? 2L : 1L));
        List<Job> finished = ids.stream().map(id -> jobs.job(owner, id)).toList();
        assertThat(finished).extracting(Job::result).contains("{\"instance\":\"a\"}", "{\"instance\":\"b\"}");
    }

    @AfterEach
    void stop() {
        instances.forEach(Process::destroyForcibly);
        if (submitter != null) {
            submitter.close();
        }
    }

    private Process start(String name, int port, String url, Path records) throws IOException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), BookkeeperApplication.class.getName(), "serve",
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--bookkeeper.db.url=" + url, "--bookkeeper.db.user=" + TestDatabase.user(),
                "--bookkeeper.db.password=" + TestDatabase.password(),
                "--spring.profiles.active=staging-test", "--spring.flyway.enabled=false",
                "--bookkeeper.jobs.heartbeat=1s", "--bookkeeper.jobs.poll-interval=200ms", "--bookkeeper.jobs.threads=2",
                "--bookkeeper.staging-test.instance=" + name, "--bookkeeper.staging-test.record-dir=" + records);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(records.resolve(name + ".out").toFile()).start();
        instances.add(process);
        return process;
    }

    private static void awaitHealthy(int port, Process process, Path output) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The instance on port " + port + " exited:\n" + Files.readString(output));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The instance on port " + port + " was not healthy within 60 s:\n" + Files.readString(output));
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Duration timeout, String what, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static List<String> lines(Path records, String instance) throws IOException {
        Path file = records.resolve(instance + ".runs");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private static long starts(Path records, String instance) throws IOException {
        return lines(records, instance).stream().filter(l -> l.startsWith("start ")).count();
    }

    private static long ends(Path records, String instance) throws IOException {
        return lines(records, instance).stream().filter(l -> l.startsWith("end ")).count();
    }

    private static List<String> unfinished(Path records, String instance) throws IOException {
        List<String> lines = lines(records, instance);
        return lines.stream().filter(l -> l.startsWith("start ")).map(l -> l.substring(6))
                .filter(job -> !lines.contains("end " + job)).toList();
    }

    private static Map<String, Long> runs(Path records, String prefix) throws IOException {
        List<String> all = new ArrayList<>(lines(records, "a"));
        all.addAll(lines(records, "b"));
        return all.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package ai.bookkeeper.staging;

import ai.bookkeeper.jobs.JobHandler;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A job that takes a moment and records, in a file of its instance's own, when it started and when it finished:
 * the evidence {@link StagingIntegrationTest} reads. Active only in the {@code staging-test} profile, which the test
 * turns on in the application instances it starts with the test classpath.
 */
@Component
@Profile("staging-test")
class StagingRecordingHandler implements JobHandler {

    static final String TYPE = "staging.record";

    private final String instance;
    private final Path log;

    StagingRecordingHandler(@Value("${bookkeeper.staging-test.instance:submitter}") String instance,
                            @Value("${bookkeeper.staging-test.record-dir:target/staging-test}") Path dir) throws IOException {
        this.instance = instance;
        Files.createDirectories(dir);
        this.log = dir.resolve(instance + ".runs");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String run(CompanyAccess access, String payload, Progress progress) throws Exception {
        record("start " + payload);
        Thread.sleep(400);
        record("end " + payload);
        return "{\"instance\":\"" + instance + "\"}";
    }

    private synchronized void record(String line) throws IOException {
        // one write per line, straight to the kernel: a killed JVM loses nothing it already recorded
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}

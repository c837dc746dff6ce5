package ai.bookkeeper.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@Import(JobsIntegrationTest.Handlers.class)
@TestPropertySource(properties = {"bookkeeper.jobs.poll-interval=100ms", "bookkeeper.jobs.first-retry=200ms",
        "bookkeeper.jobs.max-attempts=3"})
class JobsIntegrationTest extends DatabaseIntegrationTest {

    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class Handlers {
        @Bean
        JobHandler flaky() {
            return new JobHandler() {
                public String type() {
                    return "test.flaky";
                }

                public String run(CompanyAccess access, String payload, Progress progress) {
                    int call = CALLS.computeIfAbsent(payload, k -> new AtomicInteger()).incrementAndGet();
                    progress.report("attempt " + call);
                    if (payload.startsWith("fail-always") || call < 2) {
                        throw new IllegalStateException("simulated failure " + call);
                    }
                    return "{\"done\":" + call + "}";
                }
            };
        }
    }

    @Autowired Jobs jobs;
    @Autowired Tenancy tenancy;

    @Test
    void a_failed_job_is_retried_with_backoff_and_then_succeeds() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        JobId id = jobs.submit(owner, "test.flaky", "once-" + System.nanoTime());
        Job job = awaitFinal(owner, id);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.result()).isEqualTo("{\"done\":2}");
        assertThat(job.progress()).isEqualTo("attempt 2");
    }

    @Test
    void a_job_that_keeps_failing_is_marked_failed_with_the_reason_after_the_last_attempt() throws Exception {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        JobId id = jobs.submit(owner, "test.flaky", "fail-always-" + System.nanoTime());
        Job job = awaitFinal(owner, id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(job.error()).contains("simulated failure 3");
    }

    @Test
    void another_company_cannot_see_the_job() {
        CompanyAccess owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        CompanyAccess other = Fixtures.company(tenancy, BusinessType.RETAIL);
        JobId id = jobs.submit(owner, "test.flaky", "x-" + System.nanoTime());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.job(other, id))
                .isInstanceOf(ai.bookkeeper.shared.NotFoundException.class);
    }

    private Job awaitFinal(CompanyAccess access, JobId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Job job = jobs.job(access, id);
        while (!job.status().isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            job = jobs.job(access, id);
        }
        return job;
    }
}

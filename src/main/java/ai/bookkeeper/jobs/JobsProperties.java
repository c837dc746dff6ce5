package ai.bookkeeper.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param worker       whether this instance runs jobs (every instance can submit them)
 * @param threads      jobs run at once on this instance
 * @param pollInterval how often an idle worker looks for due jobs
 * @param heartbeat    how often a running job proves its worker alive; after 4 missed beats another instance
 *                     takes the job over
 * @param maxAttempts  attempts before a job is marked FAILED
 * @param firstRetry   wait before the first retry; each further retry waits twice as long
 */
@ConfigurationProperties("bookkeeper.jobs")
public record JobsProperties(Boolean worker, Integer threads, Duration pollInterval, Duration heartbeat,
                             Integer maxAttempts, Duration firstRetry) {
    public JobsProperties {
        worker = worker == null || worker;
        threads = threads == null ? 2 : threads;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(2) : firstRetry;
    }
}

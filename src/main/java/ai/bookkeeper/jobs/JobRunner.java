package ai.bookkeeper.jobs;

import ai.bookkeeper.platform.CompanyLock;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.UserId;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one queued job with its handler, and decides what a failure means: retry later, or give up. */
class JobRunner implements FailureHandler<String> {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository repository;
    private final Tenancy tenancy;
    private final Map<String, JobHandler> handlers;
    private final JobsProperties properties;
    private final Clock clock;
    private final CompanyLock companyLock;

    JobRunner(JobRepository repository, Tenancy tenancy, List<JobHandler> handlers, JobsProperties properties, Clock clock,
              CompanyLock companyLock) {
        this.companyLock = companyLock;
        this.repository = repository;
        this.tenancy = tenancy;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    void run(String data) throws Exception {
        String[] parts = data.split(":", 2);
        CompanyId company = new CompanyId(UUID.fromString(parts[0]));
        JobId id = new JobId(UUID.fromString(parts[1]));
        JobRepository.StoredJob stored = repository.find(company, id).orElse(null);
        if (stored == null || stored.job().status().isFinal()) {
            return; // finished before a crash let the queue run it again
        }
        JobHandler handler = handlers.get(stored.job().type());
        if (handler == null) {
            throw new IllegalStateException("No handler for job type " + stored.job().type() + " on this instance");
        }
        CompanyAccess access = stored.createdBy() == null ? CompanyAccess.system(company)
                : tenancy.access(new UserId(UUID.fromString(stored.createdBy())), company);
        // a company's jobs run one at a time, across instances: two imports into one company would otherwise both
        // pick up the same unproposed transactions, and one of them would fail on the proposal key and be retried.
        // A job waiting for the company stays QUEUED.
        String result = companyLock.run("job", company, () -> {
            repository.started(company, id, clock.instant());
            return handler.run(access, stored.payload(), message -> repository.progress(company, id, message, clock.instant()));
        });
        repository.finished(company, id, JobStatus.SUCCEEDED, result, null, clock.instant());
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        String data = (String) complete.getExecution().taskInstance.getData();
        String[] parts = data.split(":", 2);
        CompanyId company = new CompanyId(UUID.fromString(parts[0]));
        JobId id = new JobId(UUID.fromString(parts[1]));
        String error = complete.getCause().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse("failed");
        int failures = complete.getExecution().consecutiveFailures + 1;
        if (failures >= properties.maxAttempts()) {
            log.warn("Job {} failed for good after {} attempts: {}", id, failures, error);
            repository.finished(company, id, JobStatus.FAILED, null, error, clock.instant());
            operations.stop();
        } else {
            Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(failures - 1, 10));
            log.info("Job {} failed (attempt {}), retrying in {}: {}", id, failures, wait, error);
            repository.finished(company, id, JobStatus.RETRYING, null, error, clock.instant());
            operations.reschedule(complete, clock.instant().plus(wait));
        }
    }
}

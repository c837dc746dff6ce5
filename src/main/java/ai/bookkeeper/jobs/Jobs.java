package ai.bookkeeper.jobs;

import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Submits background jobs and reports on them. */
@Service
public class Jobs {

    private final JobRepository repository;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> task;
    private final Map<String, JobHandler> handlers;
    private final Clock clock;

    Jobs(JobRepository repository, SchedulerClient scheduler, OneTimeTask<String> task, org.springframework.beans.factory.ObjectProvider<JobHandler> handlers, Clock clock) {
        this.repository = repository;
        this.scheduler = scheduler;
        this.task = task;
        this.handlers = handlers.orderedStream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.clock = clock;
    }

    /**
     * Queues a job; it commits with the caller's transaction (the queue lives in the same database), so a job is
     * never queued for work that was rolled back, and survives a restart once committed.
     */
    @Transactional
    public JobId submit(CompanyAccess access, String type, String payload) {
        access.require(Role.ACCOUNTANT, "start background jobs");
        if (!handlers.containsKey(type)) {
            throw new InvalidInputException("job.type", "There is no job type '" + type + "'; known: " + handlers.keySet());
        }
        JobId id = JobId.newId();
        repository.insert(access.companyId(), id, type, payload, access.user().map(Object::toString).orElse(null), clock.instant());
        scheduler.schedule(task.instance(id.toString(), access.companyId() + ":" + id), clock.instant());
        return id;
    }

    public Job job(CompanyAccess access, JobId id) {
        return repository.find(access.companyId(), id).map(JobRepository.StoredJob::job)
                .orElseThrow(() -> new NotFoundException("job.not_found", "No job " + id + " in this company."));
    }

    public List<Job> recent(CompanyAccess access, int limit) {
        return repository.recent(access.companyId(), limit);
    }

    /** Jobs not yet finished, over all companies: the queue depth shown in metrics. */
    public int queueDepth() {
        return repository.countQueued();
    }
}

package ai.bookkeeper.jobs.web;

import ai.bookkeeper.jobs.Job;
import ai.bookkeeper.jobs.JobId;
import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.web.RequiresRole;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status of background jobs, such as statement imports. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/jobs")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @RequiresRole(Role.VIEWER)
    List<Job> recent(CompanyAccess access, @RequestParam(defaultValue = "50") int limit) {
        return jobs.recent(access, limit);
    }

    @GetMapping("/{jobId}")
    @RequiresRole(Role.VIEWER)
    Job job(CompanyAccess access, @PathVariable UUID jobId) {
        return jobs.job(access, new JobId(jobId));
    }
}

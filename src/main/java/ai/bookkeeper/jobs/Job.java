package ai.bookkeeper.jobs;

import java.time.Instant;

/**
 * A background job as its submitter sees it.
 *
 * @param progress human-readable progress, may be null
 * @param result   the handler's result (JSON), null until it succeeded
 * @param error    why the last attempt failed, may be null
 */
public record Job(JobId id, String type, JobStatus status, int attempts, String progress, String result, String error,
                  Instant createdAt, Instant updatedAt) {
}

package ai.bookkeeper.jobs;

import ai.bookkeeper.tenancy.CompanyAccess;

/**
 * Runs jobs of one type. Handlers must be safe to run again after a crash half-way (the queue re-runs a job whose
 * instance died): imports are idempotent by construction, which is what makes that safe.
 */
public interface JobHandler {

    String type();

    /**
     * @param access  the company the job belongs to, with the rights of the user who submitted it
     * @param payload what the submitter passed (JSON text)
     * @return the result to show (JSON text)
     * @throws Exception a failure: the job is retried with backoff, then marked FAILED with the message
     */
    String run(CompanyAccess access, String payload, Progress progress) throws Exception;

    /** Lets a handler report how far it got. */
    interface Progress {
        void report(String message);
    }
}

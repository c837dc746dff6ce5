package ai.bookkeeper.jobs;

public enum JobStatus {
    QUEUED, RUNNING, RETRYING, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}

-- Background jobs a company asked for (statement imports, …): what the API shows as job status. The queue itself
-- is db-scheduler's scheduled_tasks (per-engine migrations V6_1), which makes execution durable and exclusive.
CREATE TABLE job (
    company_id   VARCHAR(36)  NOT NULL,
    id           VARCHAR(36)  NOT NULL,
    type         VARCHAR(60)  NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    payload      TEXT         NOT NULL,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    progress     VARCHAR(500),
    result       TEXT,
    error        VARCHAR(4000),
    created_by   VARCHAR(36),
    created_at   VARCHAR(27)  NOT NULL,
    updated_at   VARCHAR(27)  NOT NULL,
    PRIMARY KEY (company_id, id),
    CONSTRAINT fk_job_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT ck_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'RETRYING', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX ix_job_status ON job (company_id, status, created_at);

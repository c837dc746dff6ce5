-- db-scheduler's table for SQLite: its generic JDBC mode stores instants through setTimestamp, which sqlite-jdbc
-- writes as epoch milliseconds, so the time columns are INTEGER and compare numerically.
CREATE TABLE scheduled_tasks (
    task_name            TEXT    NOT NULL,
    task_instance        TEXT    NOT NULL,
    task_data            BLOB,
    execution_time       INTEGER NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         INTEGER,
    last_failure         INTEGER,
    consecutive_failures INTEGER,
    last_heartbeat       INTEGER,
    version              BIGINT  NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

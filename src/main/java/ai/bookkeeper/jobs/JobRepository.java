package ai.bookkeeper.jobs;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JobRepository {

    record StoredJob(CompanyId companyId, Job job, String payload, String createdBy) {
    }

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CompanyId company, JobId id, String type, String payload, String createdBy, Instant now) {
        String at = Timestamps.format(now);
        jdbc.sql("INSERT INTO job (company_id, id, type, status, payload, created_by, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?)")
                .params(Keys.bind(company), Keys.bind(id), type, payload, createdBy, at, at)
                .update();
    }

    Optional<StoredJob> find(CompanyId company, JobId id) {
        return jdbc.sql("SELECT company_id, id, type, status, attempts, progress, result, error, created_at, updated_at,"
                        + " payload, created_by FROM job WHERE company_id = ? AND id = ?")
                .params(Keys.bind(company), Keys.bind(id))
                .query((rs, n) -> new StoredJob(company, new Job(id, rs.getString("type"),
                        JobStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("progress"),
                        rs.getString("result"), rs.getString("error"), Timestamps.parse(rs.getString("created_at")),
                        Timestamps.parse(rs.getString("updated_at"))), rs.getString("payload"), rs.getString("created_by")))
                .optional();
    }

    List<Job> recent(CompanyId company, int limit) {
        return jdbc.sql("SELECT id, type, status, attempts, progress, result, error, created_at, updated_at FROM job"
                        + " WHERE company_id = ? ORDER BY created_at DESC LIMIT " + Math.max(1, Math.min(limit, 500)))
                .param(Keys.bind(company))
                .query((rs, n) -> new Job(new JobId(Keys.get(rs, "id")), rs.getString("type"),
                        JobStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("progress"),
                        rs.getString("result"), rs.getString("error"), Timestamps.parse(rs.getString("created_at")),
                        Timestamps.parse(rs.getString("updated_at"))))
                .list();
    }

    void started(CompanyId company, JobId id, Instant now) {
        jdbc.sql("UPDATE job SET status = 'RUNNING', attempts = attempts + 1, updated_at = ? WHERE company_id = ? AND id = ?")
                .params(Timestamps.format(now), Keys.bind(company), Keys.bind(id))
                .update();
    }

    void progress(CompanyId company, JobId id, String message, Instant now) {
        jdbc.sql("UPDATE job SET progress = ?, updated_at = ? WHERE company_id = ? AND id = ?")
                .params(truncate(message, 500), Timestamps.format(now), Keys.bind(company), Keys.bind(id))
                .update();
    }

    void finished(CompanyId company, JobId id, JobStatus status, String result, String error, Instant now) {
        jdbc.sql("UPDATE job SET status = ?, result = ?, error = ?, updated_at = ? WHERE company_id = ? AND id = ?")
                .params(status.name(), result, truncate(error, 4000), Timestamps.format(now), Keys.bind(company), Keys.bind(id))
                .update();
    }

    int countQueued() {
        return jdbc.sql("SELECT COUNT(*) FROM job WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING')").query(Integer.class).single();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}

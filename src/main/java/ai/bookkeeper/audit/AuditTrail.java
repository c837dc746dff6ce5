package ai.bookkeeper.audit;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.Timestamps;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends and reads audit events; callers record inside their own transaction so the event commits with the change. */
@Service
public class AuditTrail {

    /** One recorded change. {@code actor} is null for the application's own work. */
    public record Event(UUID id, Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                        String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(CompanyAccess access, String action, String subjectType, Object subjectId, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (company_id, id, occurred_at, actor, action, subject_type, subject_id, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(access.companyId()), Keys.bind(Ids.newId(clock)), Timestamps.format(clock.instant()),
                        access.user().map(Object::toString).orElse(null), action, subjectType, subjectId.toString(),
                        detail == null ? null : truncate(detail))
                .update();
    }

    public List<Event> eventsFor(CompanyAccess access, String subjectType, Object subjectId) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject_type, subject_id, detail FROM audit_event
                WHERE company_id = ? AND subject_type = ? AND subject_id = ? ORDER BY occurred_at, id""")
                .params(Keys.bind(access.companyId()), subjectType, subjectId.toString())
                .query((rs, n) -> new Event(Keys.get(rs, 1), Timestamps.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }
}

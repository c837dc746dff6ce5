package ai.bookkeeper.tenancy;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Timestamps;
import ai.bookkeeper.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TenancyRepository {

    private static final String COMPANY_COLUMNS =
            "c.id, c.name, c.business_type, c.currency, c.fiscal_year_start_month, c.time_zone, "
                    + "c.auto_approve_threshold_bp, c.lock_date";

    private final JdbcClient jdbc;

    TenancyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredUser(User user, String passwordHash) {
    }

    void insertUser(User user, String passwordHash, Instant now) {
        jdbc.sql("INSERT INTO app_user (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(Keys.bind(user.id()), user.email(), user.displayName(), passwordHash, Timestamps.format(now))
                .update();
    }

    Optional<StoredUser> userByEmail(String email) {
        return jdbc.sql("SELECT id, email, display_name, password_hash FROM app_user WHERE email = ?")
                .param(email)
                .query((rs, n) -> new StoredUser(user(rs), rs.getString("password_hash")))
                .optional();
    }

    Optional<User> user(UserId id) {
        return jdbc.sql("SELECT id, email, display_name FROM app_user WHERE id = ?")
                .param(Keys.bind(id))
                .query((rs, n) -> user(rs))
                .optional();
    }

    void insertCompany(Company company, Instant now) {
        jdbc.sql("""
                INSERT INTO company (id, name, business_type, currency, fiscal_year_start_month, time_zone,
                                     auto_approve_threshold_bp, lock_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Keys.bind(company.id()), company.name(), company.businessType().name(),
                        company.currency().value(), company.fiscalYearStartMonth(), company.timeZone().getId(),
                        Thresholds.toBasisPoints(company.autoApproveThreshold()),
                        company.lockDate() == null ? null : company.lockDate().toString(), Timestamps.format(now))
                .update();
    }

    boolean companyNameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM company WHERE name = ?").param(name).query(Integer.class).single() > 0;
    }

    Optional<Company> companyByName(String name) {
        return jdbc.sql("SELECT " + COMPANY_COLUMNS + " FROM company c WHERE c.name = ?")
                .param(name)
                .query((rs, n) -> company(rs))
                .optional();
    }

    Optional<Company> company(CompanyId id) {
        return jdbc.sql("SELECT " + COMPANY_COLUMNS + " FROM company c WHERE c.id = ?")
                .param(Keys.bind(id))
                .query((rs, n) -> company(rs))
                .optional();
    }

    int updateSettings(CompanyId id, int thresholdBasisPoints, LocalDate lockDate) {
        return jdbc.sql("UPDATE company SET auto_approve_threshold_bp = ?, lock_date = ? WHERE id = ?")
                .params(thresholdBasisPoints, lockDate == null ? null : lockDate.toString(), Keys.bind(id))
                .update();
    }

    void upsertMembership(CompanyId companyId, UserId userId, Role role, Instant now) {
        jdbc.sql("""
                INSERT INTO membership (company_id, user_id, role, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (company_id, user_id) DO UPDATE SET role = excluded.role""")
                .params(Keys.bind(companyId), Keys.bind(userId), role.name(), Timestamps.format(now))
                .update();
    }

    int deleteMembership(CompanyId companyId, UserId userId) {
        return jdbc.sql("DELETE FROM membership WHERE company_id = ? AND user_id = ?")
                .params(Keys.bind(companyId), Keys.bind(userId))
                .update();
    }

    Optional<Role> role(CompanyId companyId, UserId userId) {
        return jdbc.sql("SELECT role FROM membership WHERE company_id = ? AND user_id = ?")
                .params(Keys.bind(companyId), Keys.bind(userId))
                .query((rs, n) -> Role.valueOf(rs.getString(1)))
                .optional();
    }

    int countOwners(CompanyId companyId) {
        return jdbc.sql("SELECT COUNT(*) FROM membership WHERE company_id = ? AND role = 'OWNER'")
                .param(Keys.bind(companyId))
                .query(Integer.class)
                .single();
    }

    List<Membership> memberships(UserId userId) {
        return jdbc.sql("SELECT " + COMPANY_COLUMNS + ", m.role FROM membership m JOIN company c ON c.id = m.company_id"
                        + " WHERE m.user_id = ? ORDER BY c.name")
                .param(Keys.bind(userId))
                .query((rs, n) -> new Membership(company(rs), Role.valueOf(rs.getString("role"))))
                .list();
    }

    List<Member> members(CompanyId companyId) {
        return jdbc.sql("SELECT u.id, u.email, u.display_name, m.role FROM membership m JOIN app_user u ON u.id = m.user_id"
                        + " WHERE m.company_id = ? ORDER BY u.email")
                .param(Keys.bind(companyId))
                .query((rs, n) -> new Member(user(rs), Role.valueOf(rs.getString("role"))))
                .list();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(new UserId(Keys.get(rs, "id")), rs.getString("email"),
                rs.getString("display_name"));
    }

    private static Company company(ResultSet rs) throws SQLException {
        String lock = rs.getString("lock_date");
        return new Company(new CompanyId(Keys.get(rs, "id")), rs.getString("name"),
                BusinessType.valueOf(rs.getString("business_type")), CurrencyCode.of(rs.getString("currency")),
                rs.getInt("fiscal_year_start_month"), ZoneId.of(rs.getString("time_zone")),
                Thresholds.fromBasisPoints(rs.getInt("auto_approve_threshold_bp")),
                lock == null ? null : LocalDate.parse(lock));
    }
}

package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.ForbiddenException;
import ai.bookkeeper.shared.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Proof that someone may act in one company, with which role. Every service call on company data takes one, so a
 * query can't forget the tenant: the company id comes from here, never from a request body. Only {@link Tenancy}
 * makes them for users; {@link #system(CompanyId)} is for the application's own batch work (pilot, jobs).
 */
public final class CompanyAccess {

    private final CompanyId companyId;
    private final UserId userId;
    private final Role role;

    CompanyAccess(CompanyId companyId, UserId userId, Role role) {
        this.companyId = Objects.requireNonNull(companyId);
        this.userId = userId;
        this.role = Objects.requireNonNull(role);
    }

    /** Full rights in one company for the application itself; the audit trail records no user for it. */
    public static CompanyAccess system(CompanyId companyId) {
        return new CompanyAccess(companyId, null, Role.OWNER);
    }

    public CompanyId companyId() {
        return companyId;
    }

    /** Empty for the application's own work. */
    public Optional<UserId> user() {
        return Optional.ofNullable(userId);
    }

    public Role role() {
        return role;
    }

    /** @throws ForbiddenException when this role can't do what {@code required} can */
    public CompanyAccess require(Role required, String action) {
        if (!role.includes(required)) {
            throw new ForbiddenException("role.insufficient", "To " + action + " you need the " + required
                    + " role in this company; you are " + role + ". Ask an owner of the company to change your role.");
        }
        return this;
    }

    @Override
    public String toString() {
        return "CompanyAccess[" + companyId + ", " + (userId == null ? "system" : userId) + ", " + role + "]";
    }
}

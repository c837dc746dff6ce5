package ai.bookkeeper.testing;

import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import java.util.UUID;

/** Small factories for test data; every call makes names of its own, so tests sharing a database never collide. */
public final class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private Fixtures() {
    }

    public static User user(Tenancy tenancy) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return tenancy.registerUser("user-" + tag + "@example.com", "User " + tag, PASSWORD);
    }

    /** A fresh company of {@code type} with a fresh owner, and the owner's access to it. */
    public static CompanyAccess company(Tenancy tenancy, BusinessType type) {
        User owner = user(tenancy);
        Company company = tenancy.createCompany(owner.id(),
                NewCompany.of("Company " + UUID.randomUUID().toString().substring(0, 8), type));
        return tenancy.access(owner.id(), company.id());
    }

    /** A new user with {@code role} in the company of {@code owner}. */
    public static CompanyAccess member(Tenancy tenancy, CompanyAccess owner, Role role) {
        User user = user(tenancy);
        tenancy.setRole(owner, user.email(), role);
        return tenancy.access(user.id(), owner.companyId());
    }
}

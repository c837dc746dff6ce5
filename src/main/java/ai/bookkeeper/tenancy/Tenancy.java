package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.shared.UserId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, companies and who may do what in which company. */
@Service
public class Tenancy {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MIN_PASSWORD_LENGTH = 10;

    private final TenancyRepository repository;
    private final ApplicationEventPublisher events;
    private final PasswordHashing passwords;
    private final Clock clock;

    Tenancy(TenancyRepository repository, ApplicationEventPublisher events, PasswordHashing passwords, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Registers a user. Not one transaction: the password is hashed (which may wait its turn, see
     * {@link PasswordHashing}) before anything is written, and the one insert is refused by the unique email if
     * another registration of the same email came first.
     */
    public User registerUser(String email, String displayName, String password) {
        String normalized = normalizeEmail(email);
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("user.password.short",
                    "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (repository.userByEmail(normalized).isPresent()) {
            throw emailTaken(normalized);
        }
        String hash = passwords.hash(password);
        User user = new User(UserId.newId(), normalized, displayName == null || displayName.isBlank() ? normalized : displayName.strip());
        try {
            repository.insertUser(user, hash, clock.instant());
        } catch (org.springframework.dao.DataAccessException e) {
            // a registration of the same email between the check and the insert (the id is new, so the email's
            // unique key is the one that refused it)
            if (ai.bookkeeper.platform.SqlErrors.uniqueViolation(e)) {
                throw emailTaken(normalized);
            }
            throw e;
        }
        return user;
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("user.email.taken", "A user with the email " + email
                + " exists already; sign in instead, or use another email.");
    }

    /**
     * The user whose email and password these are, or empty: the caller can't tell which of the two was wrong.
     *
     * @throws ai.bookkeeper.shared.BusyException when too many sign-ins are being checked to take this one in time
     *                                            ({@code bookkeeper.passwords.*})
     */
    public Optional<User> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        Optional<TenancyRepository.StoredUser> stored = repository.userByEmail(email.strip().toLowerCase(Locale.ROOT));
        boolean matches = passwords.matches(password, stored.map(TenancyRepository.StoredUser::passwordHash).orElse(null));
        return stored.filter(s -> matches).map(TenancyRepository.StoredUser::user);
    }

    public Optional<User> user(UserId id) {
        return repository.user(id);
    }

    public Optional<User> userByEmail(String email) {
        return repository.userByEmail(normalizeEmail(email)).map(TenancyRepository.StoredUser::user);
    }

    /** Opens a company with {@code owner} as its first OWNER; its chart of accounts is created in the same transaction. */
    @Transactional
    public Company createCompany(UserId owner, NewCompany request) {
        if (repository.user(owner).isEmpty()) {
            throw new NotFoundException("user.not_found", "No user " + owner + " exists; register the owner first.");
        }
        if (repository.companyNameTaken(request.name())) {
            throw new ConflictException("company.name.taken", "A company named '" + request.name()
                    + "' exists already; choose another name.");
        }
        Company company = new Company(CompanyId.newId(), request.name(), request.businessType(), request.currency(),
                request.fiscalYearStartMonth(), java.time.ZoneId.of(request.timeZone()), request.autoApproveThreshold(), null);
        repository.insertCompany(company, clock.instant());
        repository.upsertMembership(company.id(), owner, Role.OWNER, clock.instant());
        events.publishEvent(new CompanyCreated(company));
        return company;
    }

    /**
     * The user's access to a company.
     *
     * @throws NotFoundException when the user is no member: to an outsider another tenant's company does not exist
     */
    public CompanyAccess access(UserId user, CompanyId company) {
        Role role = repository.role(company, user).orElseThrow(() -> new NotFoundException("company.not_found",
                "No company " + company + " among yours; pick one of the companies you belong to."));
        return new CompanyAccess(company, user, role);
    }

    public Company company(CompanyAccess access) {
        return repository.company(access.companyId()).orElseThrow(() -> new NotFoundException("company.not_found",
                "Company " + access.companyId() + " no longer exists."));
    }

    /** For the application's own commands, which name companies by name (the pilot, {@code ingest --company}). */
    public Optional<Company> companyByName(String name) {
        return repository.companyByName(name);
    }

    public Optional<Company> companyById(CompanyId id) {
        return repository.company(id);
    }

    public List<Membership> companiesOf(UserId user) {
        return repository.memberships(user);
    }

    public List<Member> members(CompanyAccess access) {
        return repository.members(access.companyId());
    }

    @Transactional
    public void setRole(CompanyAccess access, String email, Role role) {
        access.require(Role.OWNER, "manage members");
        User user = userByEmail(email).orElseThrow(() -> new NotFoundException("user.not_found",
                "No user has the email " + email + "; ask them to register first."));
        Optional<Role> current = repository.role(access.companyId(), user.id());
        if (current.orElse(null) == Role.OWNER && role != Role.OWNER && repository.countOwners(access.companyId()) == 1) {
            throw new ConflictException("member.last_owner", "A company keeps at least one owner; make someone else"
                    + " an owner before changing this one's role.");
        }
        repository.upsertMembership(access.companyId(), user.id(), role, clock.instant());
    }

    @Transactional
    public void removeMember(CompanyAccess access, UserId user) {
        access.require(Role.OWNER, "manage members");
        if (repository.role(access.companyId(), user).orElse(null) == Role.OWNER && repository.countOwners(access.companyId()) == 1) {
            throw new ConflictException("member.last_owner", "A company keeps at least one owner; make someone else"
                    + " an owner before removing this one.");
        }
        if (repository.deleteMembership(access.companyId(), user) == 0) {
            throw new NotFoundException("member.not_found", "That user is not a member of this company.");
        }
    }

    /**
     * Changes the auto-approval threshold and the lock date. Moving the lock date backwards reopens a closed period,
     * which an owner may do deliberately.
     */
    @Transactional
    public Company updateSettings(CompanyAccess access, BigDecimal autoApproveThreshold, LocalDate lockDate) {
        access.require(Role.OWNER, "change company settings");
        Thresholds.requireValid(autoApproveThreshold);
        repository.updateSettings(access.companyId(), Thresholds.toBasisPoints(autoApproveThreshold), lockDate);
        return company(access);
    }

    private static String normalizeEmail(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > 320) {
            throw new InvalidInputException("user.email.invalid", "'" + email + "' is not an email address.");
        }
        return normalized;
    }
}

package ai.bookkeeper.tenancy;

/** A member's role in one company. Each role can do everything the roles before it can. */
public enum Role {
    /** Reads the books and reports. */
    VIEWER,
    /** Also imports statements, reviews, approves and posts entries. */
    ACCOUNTANT,
    /** Also manages members and company settings, such as the lock date and the auto-approval threshold. */
    OWNER;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }
}

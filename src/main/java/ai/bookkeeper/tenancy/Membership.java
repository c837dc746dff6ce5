package ai.bookkeeper.tenancy;

public record Membership(Company company, Role role) {
}

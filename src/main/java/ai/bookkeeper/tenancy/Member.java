package ai.bookkeeper.tenancy;

public record Member(User user, Role role) {
}

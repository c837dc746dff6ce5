package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.UserId;

public record User(UserId id, String email, String displayName) {
}

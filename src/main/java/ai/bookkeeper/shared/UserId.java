package ai.bookkeeper.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user account; users belong to companies through memberships. */
public record UserId(UUID value) implements EntityId {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId newId() {
        return new UserId(Ids.newId());
    }

    public static UserId parse(String text) {
        try {
            return new UserId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("user.id.malformed", "'" + text + "' is not a user id (a UUID).");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

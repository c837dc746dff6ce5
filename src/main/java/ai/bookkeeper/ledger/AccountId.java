package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record AccountId(UUID value) implements EntityId {
    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    public static AccountId newId() {
        return new AccountId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

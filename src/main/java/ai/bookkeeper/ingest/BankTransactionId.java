package ai.bookkeeper.ingest;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record BankTransactionId(UUID value) implements EntityId {

    public BankTransactionId {
        Objects.requireNonNull(value, "BankTransactionId");
    }

    public static BankTransactionId newId() {
        return new BankTransactionId(Ids.newId());
    }

    public static BankTransactionId parse(String text) {
        return new BankTransactionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

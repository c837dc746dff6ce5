package ai.bookkeeper.ingest;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record TransferPairId(UUID value) implements EntityId {

    public TransferPairId {
        Objects.requireNonNull(value, "TransferPairId");
    }

    public static TransferPairId newId() {
        return new TransferPairId(Ids.newId());
    }

    public static TransferPairId parse(String text) {
        return new TransferPairId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

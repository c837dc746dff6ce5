package ai.bookkeeper.ingest;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record ImportBatchId(UUID value) implements EntityId {

    public ImportBatchId {
        Objects.requireNonNull(value, "ImportBatchId");
    }

    public static ImportBatchId newId() {
        return new ImportBatchId(Ids.newId());
    }

    public static ImportBatchId parse(String text) {
        return new ImportBatchId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

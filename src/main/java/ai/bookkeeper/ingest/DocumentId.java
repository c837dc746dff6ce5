package ai.bookkeeper.ingest;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record DocumentId(UUID value) implements EntityId {

    public DocumentId {
        Objects.requireNonNull(value, "DocumentId");
    }

    public static DocumentId newId() {
        return new DocumentId(Ids.newId());
    }

    public static DocumentId parse(String text) {
        return new DocumentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

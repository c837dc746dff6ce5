package ai.bookkeeper.jobs;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import java.util.Objects;
import java.util.UUID;

public record JobId(UUID value) implements EntityId {
    public JobId {
        Objects.requireNonNull(value, "job id");
    }

    public static JobId newId() {
        return new JobId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

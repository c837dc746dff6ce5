package ai.bookkeeper.shared;

import java.util.UUID;

/** A typed id: a UUID that names one kind of thing. The database stores it as a key (platform.Keys). */
public interface EntityId {

    UUID value();
}

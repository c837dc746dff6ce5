package ai.bookkeeper.ledger;

import ai.bookkeeper.shared.EntityId;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.InvalidInputException;
import java.util.Objects;
import java.util.UUID;

public record JournalEntryId(UUID value) implements EntityId {
    public JournalEntryId {
        Objects.requireNonNull(value, "journal entry id");
    }

    public static JournalEntryId newId() {
        return new JournalEntryId(Ids.newId());
    }

    public static JournalEntryId parse(String text) {
        try {
            return new JournalEntryId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("entry.id.malformed", "'" + text + "' is not a journal entry id (a UUID).");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

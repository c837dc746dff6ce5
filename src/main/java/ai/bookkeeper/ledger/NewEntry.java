package ai.bookkeeper.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A request to book an entry. The company, the id and the version come from the ledger, never from the caller.
 *
 * @param memo may be null
 */
public record NewEntry(LocalDate date, String description, String memo, EntrySource source, List<JournalLine> lines) {

    public NewEntry {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
    }

    public static NewEntry manual(LocalDate date, String description, JournalLine... lines) {
        return new NewEntry(date, description, null, EntrySource.MANUAL, List.of(lines));
    }
}

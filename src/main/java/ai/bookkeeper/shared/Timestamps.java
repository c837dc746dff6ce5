package ai.bookkeeper.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored text: fixed-width UTC with microseconds ({@code 2026-01-31T09:15:00.000000Z}), so that
 * string order is time order on every database engine.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** @return null when {@code text} is null */
    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }
}

package ai.bookkeeper.load;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small bank statements to upload, in the pilot banks' CSV layout ({@code Date,Description,Amount}). Every row is new
 * to the server: its description carries this run's token and a running number, so the import stores real rows
 * instead of answering "duplicate". Half the rows name vendors a small business commonly pays (the categorizer may
 * know them), half name vendors nobody has seen (they land in the review queue, which the reviewers then work on).
 */
final class Statements {

    static final int ROWS = 8;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    private static final List<String> FAMILIAR = List.of("ACH DEBIT DUKE ENERGY OHIO", "POS PURCHASE OFFICE DEPOT",
            "ACH DEBIT COMCAST BUSINESS", "CARD PURCHASE AMAZON MKTPLACE", "ACH DEBIT ADP PAYROLL FEES",
            "CARD PURCHASE STAPLES", "ACH DEBIT STATE AUTO INSURANCE", "POS PURCHASE SHELL OIL");
    private static final List<String> UNFAMILIAR = List.of("POS PURCHASE ZEBRAFINCH SUPPLY", "CARD PURCHASE QUIXOTIC WIDGETS",
            "ACH DEBIT MARBLEHEAD SERVICES", "POS PURCHASE PLOVER GOODS", "CARD PURCHASE NORTHWIND TRADERS",
            "ACH DEBIT TAILSPIN TOYS", "POS PURCHASE FOURTH COFFEE", "CARD PURCHASE LITWARE INC");

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private static final AtomicLong NEXT = new AtomicLong();

    private Statements() {
    }

    /** A statement of {@link #ROWS} rows dated in the first quarter of 2026 (after the pilot's year). */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder csv = new StringBuilder("Date,Description,Amount\n");
        for (int i = 0; i < ROWS; i++) {
            List<String> vendors = i % 2 == 0 ? FAMILIAR : UNFAMILIAR;
            String description = vendors.get(random.nextInt(vendors.size())) + " " + RUN + "-" + NEXT.incrementAndGet();
            long cents = 500 + random.nextLong(90_000); // 5.00 to 904.99
            boolean deposit = random.nextInt(8) == 0;
            csv.append(FIRST_DAY.plusDays(random.nextInt(90)).format(US_DATE)).append(',')
                    .append(deposit ? "CLIENT DEPOSIT " + RUN + "-" + NEXT.incrementAndGet() : description).append(',')
                    .append(deposit ? "" : "-").append(cents / 100).append('.')
                    .append(String.format(Locale.ROOT, "%02d", cents % 100)).append('\n');
        }
        return csv.toString();
    }
}

package ai.bookkeeper.dashboard;

import ai.bookkeeper.shared.InvalidInputException;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The date range every dashboard view shows, both ends inclusive. Chosen once in the filter and kept in the
 * session, so that it follows the user from page to page and from company to company.
 */
record Period(LocalDate from, LocalDate to) implements Serializable {

    static final String SESSION_KEY = Period.class.getName();
    /** Charts by month show at most this many months: the last ones of the range. */
    static final int MAX_MONTHS = 36;

    Period {
        if (from.isAfter(to)) {
            throw new InvalidInputException("dashboard.period", "The date range starts on " + from + ", after its end "
                    + to + "; pick a start on or before the end.");
        }
    }

    /** The twelve months up to {@code today}: from the first day of the month eleven months back. */
    static Period lastTwelveMonths(LocalDate today) {
        return new Period(today.minusMonths(11).withDayOfMonth(1), today);
    }

    /**
     * The range the request asks for ({@code from}, {@code to}; either may be blank), else the one in the session,
     * else the last twelve months. A requested range is remembered in the session.
     */
    static Period resolve(String from, String to, HttpSession session, LocalDate today) {
        Period current = session.getAttribute(SESSION_KEY) instanceof Period p ? p : lastTwelveMonths(today);
        if (isBlank(from) && isBlank(to)) {
            return current;
        }
        Period chosen = new Period(isBlank(from) ? current.from() : parse("from", from),
                isBlank(to) ? current.to() : parse("to", to));
        session.setAttribute(SESSION_KEY, chosen);
        return chosen;
    }

    /** The calendar months the range touches, each clipped to the range; the last {@link #MAX_MONTHS} of them. */
    List<Period> months() {
        List<Period> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to);
        YearMonth first = YearMonth.from(from);
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate start = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            months.add(new Period(start, end));
        }
        return months;
    }

    private static LocalDate parse(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("dashboard.period", "'" + text + "' is not a date for '" + field
                    + "'; write it as YYYY-MM-DD, e.g. 2026-03-01.");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

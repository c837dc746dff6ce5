package ai.bookkeeper.simulate;

import java.time.LocalDate;

/** Locale-free formatting of amounts and dates, as the exports print them. */
final class Cents {

    private Cents() {
    }

    /** {@code -1234.50}: sign, no thousands separator, two decimals. */
    static String format(long cents) {
        StringBuilder sb = new StringBuilder(12);
        if (cents < 0) {
            sb.append('-');
        }
        long abs = Math.abs(cents);
        sb.append(abs / 100).append('.');
        long fraction = abs % 100;
        if (fraction < 10) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }

    /** {@code 03/14/2025}: the statement date format. */
    static String usDate(LocalDate date) {
        return twoDigits(date.getMonthValue()) + '/' + twoDigits(date.getDayOfMonth()) + '/' + date.getYear();
    }

    static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}

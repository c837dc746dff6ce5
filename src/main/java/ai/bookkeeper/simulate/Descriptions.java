package ai.bookkeeper.simulate;

import java.time.LocalDate;
import java.util.Locale;

/** Bank-statement descriptions from profile patterns: upper case, dates and references embedded, cut to 32 chars. */
final class Descriptions {

    /** Many US banks cut the description field at 32 characters; so do we, mid-word if need be. */
    static final int MAX_LENGTH = 32;

    private Descriptions() {
    }

    record Tokens(String spelling, LocalDate purchaseDate, LocalDate postedDate, String store, String card,
            String reference, String person) {
    }

    static String render(String pattern, Tokens tokens) {
        StringBuilder sb = new StringBuilder(48);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && pattern.charAt(i + 2) == '}') {
                sb.append(token(pattern.charAt(i + 1), tokens));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return cut(sb.toString());
    }

    static String cut(String description) {
        String upper = description.toUpperCase(Locale.ROOT);
        return upper.length() <= MAX_LENGTH ? upper : upper.substring(0, MAX_LENGTH).stripTrailing();
    }

    private static String token(char name, Tokens t) {
        return switch (name) {
            case 'N' -> t.spelling();
            case 'D' -> Cents.twoDigits(t.purchaseDate().getMonthValue()) + "/"
                    + Cents.twoDigits(t.purchaseDate().getDayOfMonth());
            case 'Y' -> Cents.twoDigits(t.postedDate().getYear() % 100) + Cents.twoDigits(t.postedDate().getMonthValue())
                    + Cents.twoDigits(t.postedDate().getDayOfMonth());
            case 'S' -> t.store();
            case 'C' -> t.card();
            case 'R' -> t.reference();
            case 'P' -> t.person();
            default -> throw new IllegalStateException("profiles.yml: unknown pattern token {" + name + "}");
        };
    }
}

package ai.bookkeeper.simulate;

import java.util.Locale;

/** What a simulated bank line truly is; written to the ground truth as its lower-case name. */
enum Kind {
    REVENUE, EXPENSE, PAYROLL, TRANSFER, REFUND;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Money leaves the account for these kinds of line. */
    boolean outflow() {
        return this == EXPENSE || this == PAYROLL;
    }
}

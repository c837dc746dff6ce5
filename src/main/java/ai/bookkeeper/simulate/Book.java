package ai.bookkeeper.simulate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything generated for one company, before any of it is written. Holding one company at a time keeps a
 * load-test run's memory flat however many companies it writes.
 *
 * @param months       the genuine lines of each month, in statement order, balances filled in
 * @param overlapRows  per month: how many rows of the previous month's file its export repeats at the top
 * @param receipts     in number order
 */
record Book(SimulatedCompany company, String checkingRef, String savingsRef, long openingCheckingCents,
        long openingSavingsCents, YearMonth start, List<List<BankLine>> months, int[] overlapRows,
        List<Receipt> receipts) {

    /** A receipt for one expense line; its total is the line's amount, its date the purchase date. */
    record Receipt(int number, BankLine line, LocalDate date, List<Item> items, long subtotalCents, long taxCents,
            String payment, boolean pdf) {

        long totalCents() {
            return subtotalCents + taxCents;
        }

        String baseName() {
            return "receipt_" + CompanyFiles.pad(number, 3) + "_" + CompanyFiles.pad(date.getYear(), 4)
                    + Cents.twoDigits(date.getMonthValue()) + Cents.twoDigits(date.getDayOfMonth());
        }
    }

    record Item(String name, long cents) {
    }

    int genuineLines() {
        return months.stream().mapToInt(List::size).sum();
    }
}

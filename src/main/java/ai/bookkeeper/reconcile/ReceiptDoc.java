package ai.bookkeeper.reconcile;

import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A receipt or bill to attach to the entry that paid it.
 *
 * @param total  what was paid, positive; a refund is negative
 * @param vendor may be null (treated as empty)
 */
public record ReceiptDoc(String id, String vendor, LocalDate date, Money total) {

    public ReceiptDoc {
        Ids.requireValid(id, "receipt");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(total, "total");
        vendor = vendor == null ? "" : vendor;
    }
}

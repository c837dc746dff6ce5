package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A tenant: one business whose books we keep.
 *
 * @param autoApproveThreshold confidence in [0, 1] at or above which a proposed entry is approved without review
 * @param lockDate             nothing dated on or before it may be posted, changed or reversed into; null when open
 */
public record Company(CompanyId id, String name, BusinessType businessType, CurrencyCode currency,
                      int fiscalYearStartMonth, ZoneId timeZone, BigDecimal autoApproveThreshold, LocalDate lockDate) {

    public Optional<LocalDate> lock() {
        return Optional.ofNullable(lockDate);
    }

    /** True when {@code date} falls in the closed (locked) period. */
    public boolean isLocked(LocalDate date) {
        return lockDate != null && !date.isAfter(lockDate);
    }
}

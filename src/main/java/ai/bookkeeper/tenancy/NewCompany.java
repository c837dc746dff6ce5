package ai.bookkeeper.tenancy;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/** What it takes to open a company; the defaults are a calendar fiscal year in UTC and a threshold of 0.85. */
public record NewCompany(String name, BusinessType businessType, CurrencyCode currency, int fiscalYearStartMonth,
                         String timeZone, BigDecimal autoApproveThreshold) {

    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("0.85");

    public NewCompany {
        Objects.requireNonNull(businessType, "business type");
        Objects.requireNonNull(currency, "currency");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("company.name", "A company needs a name of 1 to 200 characters.");
        }
        name = name.strip();
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new InvalidInputException("company.fiscal_year_start",
                    "The fiscal year starts in a month from 1 to 12, not " + fiscalYearStartMonth + ".");
        }
        timeZone = timeZone == null ? "UTC" : timeZone;
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("company.time_zone",
                    "'" + timeZone + "' is not a time zone; use an IANA name such as America/New_York.");
        }
        autoApproveThreshold = autoApproveThreshold == null ? DEFAULT_THRESHOLD : autoApproveThreshold;
        Thresholds.requireValid(autoApproveThreshold);
    }

    public static NewCompany of(String name, BusinessType type) {
        return new NewCompany(name, type, CurrencyCode.USD, 1, "UTC", DEFAULT_THRESHOLD);
    }
}

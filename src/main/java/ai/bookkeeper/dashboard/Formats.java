package ai.bookkeeper.dashboard;

import ai.bookkeeper.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the pages print numbers, as {@code ${@fmt.money(x)}} in templates. Exact: money never passes through a double. */
@Component("fmt")
class Formats {

    /** {@code 1,234.56} or {@code -1,234.56}, with the currency's own number of decimals; blank for null. */
    public String money(Money money) {
        if (money == null) {
            return "";
        }
        int digits = Math.max(0, money.toDecimal().scale());
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(money.toDecimal());
    }

    /** {@code USD 1,234.56}. */
    public String moneyWithCurrency(Money money) {
        return money == null ? "" : money.currency().value() + " " + money(money);
    }

    /** A share in [0, 1] as a percentage with one decimal: {@code 87.5%}; a dash for null. */
    public String percent(BigDecimal share) {
        return share == null ? "–" : share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Whether an amount is below zero, for styling. */
    public boolean negative(Money money) {
        return money != null && money.isNegative();
    }
}

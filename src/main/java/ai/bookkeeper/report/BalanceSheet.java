package ai.bookkeeper.report;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * Assets, liabilities and equity at {@code asOf}. Income and expenses are not closed into equity by entries, so the
 * sheet shows them as retained earnings (before the current fiscal year) and current-year earnings.
 */
public record BalanceSheet(LocalDate asOf, CurrencyCode currency, List<ReportLine> assets, List<ReportLine> liabilities,
                           List<ReportLine> equity, Money retainedEarnings, Money currentYearEarnings) {

    public BalanceSheet {
        assets = List.copyOf(assets);
        liabilities = List.copyOf(liabilities);
        equity = List.copyOf(equity);
    }

    public Money totalAssets() {
        return ProfitAndLoss.sum(assets, currency);
    }

    public Money totalLiabilities() {
        return ProfitAndLoss.sum(liabilities, currency);
    }

    public Money totalEquity() {
        return ProfitAndLoss.sum(equity, currency).plus(retainedEarnings).plus(currentYearEarnings);
    }

    /** Assets = liabilities + equity: true for any ledger whose entries balance. */
    public boolean balances() {
        return totalAssets().equals(totalLiabilities().plus(totalEquity()));
    }
}

package ai.bookkeeper.report;

import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import java.time.LocalDate;
import java.util.List;

/** Income and expenses of booked entries dated within [from, to]. */
public record ProfitAndLoss(LocalDate from, LocalDate to, CurrencyCode currency, List<ReportLine> income,
                            List<ReportLine> expenses) {

    public ProfitAndLoss {
        income = List.copyOf(income);
        expenses = List.copyOf(expenses);
    }

    public Money totalIncome() {
        return sum(income, currency);
    }

    public Money totalExpenses() {
        return sum(expenses, currency);
    }

    public Money netIncome() {
        return totalIncome().minus(totalExpenses());
    }

    static Money sum(List<ReportLine> lines, CurrencyCode currency) {
        return lines.stream().map(ReportLine::amount).reduce(Money.zero(currency), Money::plus);
    }
}

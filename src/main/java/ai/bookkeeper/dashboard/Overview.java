package ai.bookkeeper.dashboard;

import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ledger.TrialBalance;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.report.ProfitAndLoss;
import ai.bookkeeper.report.Reports;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The overview's numbers: the KPIs of a date range and the two monthly series behind its charts. */
@Component
class Overview {

    /**
     * @param autoApproval share of the range's proposals approved without a person; null when there were none
     * @param reconciled   share of the range's bank lines matched to entries
     * @param cash         the bank accounts' booked balance at the end of the range
     */
    record Kpis(int transactions, BigDecimal autoApproval, BigDecimal reconciled, int pendingReviews, Money cash) {
    }

    /** One month of the income-versus-expenses chart; amounts are positive in the company's currency. */
    record MonthlyResult(String month, Money income, Money expenses) {
    }

    private final BankTransactions transactions;
    private final ReviewQueue review;
    private final Reconciler reconciler;
    private final Reports reports;

    Overview(BankTransactions transactions, ReviewQueue review, Reconciler reconciler, Reports reports) {
        this.transactions = transactions;
        this.review = review;
        this.reconciler = reconciler;
        this.reports = reports;
    }

    Kpis kpis(CompanyAccess access, Period period) {
        AtomicInteger count = new AtomicInteger();
        transactions.forEach(access, TransactionFilter.all().between(period.from(), period.to()), t -> count.incrementAndGet());
        int total = 0;
        int automatic = 0;
        for (ReviewQueue.MonthlyAutomation month : review.automationByMonth(access, period.from(), period.to())) {
            total += month.total();
            automatic += month.autoApproved();
        }
        BigDecimal autoApproval = total == 0 ? null
                : BigDecimal.valueOf(automatic).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
        TrialBalance balances = reports.trialBalance(access, period.to());
        Money cash = balances.rows().stream().filter(r -> r.account().bank()).map(TrialBalance.Row::balance)
                .reduce(Money.zero(balances.currency()), Money::plus);
        return new Kpis(count.get(), autoApproval, reconciler.rate(access, period.from(), period.to()),
                review.pending(access), cash);
    }

    List<ReviewQueue.MonthlyAutomation> automation(CompanyAccess access, Period period) {
        return review.automationByMonth(access, period.from(), period.to());
    }

    List<MonthlyResult> incomeAndExpenses(CompanyAccess access, Period period) {
        List<MonthlyResult> months = new ArrayList<>();
        for (Period month : period.months()) {
            ProfitAndLoss pnl = reports.profitAndLoss(access, month.from(), month.to());
            months.add(new MonthlyResult(month.from().toString().substring(0, 7), pnl.totalIncome(), pnl.totalExpenses()));
        }
        return months;
    }
}

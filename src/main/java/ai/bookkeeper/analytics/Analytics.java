package ai.bookkeeper.analytics;

import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.ingest.TransactionStatus;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.TrialBalance;
import ai.bookkeeper.reconcile.Reconciler;
import ai.bookkeeper.report.ProfitAndLoss;
import ai.bookkeeper.report.Reports;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/** Automation over time and the key figures of a period, per company. */
@Service
public class Analytics {

    /** Longest period the monthly figures are computed for. */
    static final int MAX_MONTHS = 60;

    /** One month's income and expenses of booked (approved or posted) entries. */
    public record MonthFigures(String month, Money income, Money expenses, Money net) {
    }

    /**
     * Key figures of [from, to].
     *
     * @param transactions          booked bank transactions dated in the period
     * @param autoApprovalPercent   of the period's proposals, the share approved without a reviewer, one decimal
     * @param reconciliationPercent of the period's bank lines, the share matched to entries, one decimal
     * @param pendingReviews        proposals waiting for a reviewer now (any date)
     * @param cashBalance           booked balance of all bank and card accounts at the end of the period
     */
    public record Kpis(LocalDate from, LocalDate to, long transactions, double autoApprovalPercent,
                       double reconciliationPercent, int pendingReviews, Money cashBalance,
                       List<MonthFigures> incomeVsExpenses) {
    }

    private final BankTransactions bankTransactions;
    private final ReviewQueue review;
    private final Reconciler reconciler;
    private final Reports reports;
    private final Ledger ledger;

    Analytics(BankTransactions bankTransactions, ReviewQueue review, Reconciler reconciler, Reports reports,
              Ledger ledger) {
        this.bankTransactions = bankTransactions;
        this.review = review;
        this.reconciler = reconciler;
        this.reports = reports;
        this.ledger = ledger;
    }

    /** Month by month: proposals, how many were approved automatically, and the automation percentage. */
    public List<ReviewQueue.MonthlyAutomation> automation(CompanyAccess access, LocalDate from, LocalDate to) {
        access.require(Role.VIEWER, "see analytics");
        return review.automationByMonth(access, from, to);
    }

    public Kpis kpis(CompanyAccess access, LocalDate from, LocalDate to) {
        access.require(Role.VIEWER, "see analytics");
        requirePeriod(from, to);
        long transactions = bankTransactions.count(access,
                TransactionFilter.all().between(from, to).status(TransactionStatus.BOOKED));
        long proposals = 0;
        long automatic = 0;
        for (ReviewQueue.MonthlyAutomation m : review.automationByMonth(access, from, to)) {
            proposals += m.total();
            automatic += m.autoApproved();
        }
        TrialBalance balances = reports.trialBalance(access, to);
        Money cash = Money.zero(balances.currency());
        for (Account account : ledger.accounts(access)) {
            if (account.bank()) {
                cash = cash.plus(balances.balanceOf(account.code()));
            }
        }
        return new Kpis(from, to, transactions, percent(automatic, proposals),
                reconciler.rate(access, from, to).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN).doubleValue(),
                review.pending(access), cash, months(access, from, to));
    }

    private List<MonthFigures> months(CompanyAccess access, LocalDate from, LocalDate to) {
        return reports.profitAndLossByMonth(access, from, to).stream()
                .map(pnl -> new MonthFigures(YearMonth.from(pnl.from()).toString(), pnl.totalIncome(), pnl.totalExpenses(),
                        pnl.netIncome()))
                .toList();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("analytics.period", "A period needs 'from' on or before 'to' (YYYY-MM-DD);"
                    + " got " + from + " to " + to + ".");
        }
        if (ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) >= MAX_MONTHS) {
            throw new InvalidInputException("analytics.period", "The period " + from + " to " + to + " spans more than "
                    + MAX_MONTHS + " months; ask for at most " + MAX_MONTHS + " at a time.");
        }
    }
}

package ai.bookkeeper.report;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.Posting;
import ai.bookkeeper.ledger.Side;
import ai.bookkeeper.ledger.TrialBalance;
import ai.bookkeeper.shared.InvalidInputException;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Financial statements of one company, computed from booked (approved and posted) entries. */
@Service
public class Reports {

    private final Ledger ledger;
    private final Tenancy tenancy;

    Reports(Ledger ledger, Tenancy tenancy) {
        this.ledger = ledger;
        this.tenancy = tenancy;
    }

    public TrialBalance trialBalance(CompanyAccess access, LocalDate asOf) {
        return ledger.trialBalance(access, asOf);
    }

    public ProfitAndLoss profitAndLoss(CompanyAccess access, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        TrialBalance activity = ledger.activity(access, from, to);
        return new ProfitAndLoss(from, to, activity.currency(), lines(activity, AccountType.INCOME),
                lines(activity, AccountType.EXPENSE));
    }

    /** The profit and loss of each calendar month that overlaps [from, to], each clipped to the period. */
    public List<ProfitAndLoss> profitAndLossByMonth(CompanyAccess access, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        List<ProfitAndLoss> months = new ArrayList<>();
        for (TrialBalance activity : ledger.activityByMonth(access, from, to)) {
            LocalDate first = activity.asOf().withDayOfMonth(1).isBefore(from) ? from : activity.asOf().withDayOfMonth(1);
            months.add(new ProfitAndLoss(first, activity.asOf(), activity.currency(), lines(activity, AccountType.INCOME),
                    lines(activity, AccountType.EXPENSE)));
        }
        return months;
    }

    public BalanceSheet balanceSheet(CompanyAccess access, LocalDate asOf) {
        Company company = tenancy.company(access);
        TrialBalance all = ledger.trialBalance(access, asOf);
        LocalDate fiscalYearStart = fiscalYearStart(company, asOf);
        TrialBalance beforeYear = ledger.trialBalance(access, fiscalYearStart.minusDays(1));
        Money earningsBefore = earnings(beforeYear);
        return new BalanceSheet(asOf, all.currency(), lines(all, AccountType.ASSET), lines(all, AccountType.LIABILITY),
                lines(all, AccountType.EQUITY), earningsBefore, earnings(all).minus(earningsBefore));
    }

    public GeneralLedger generalLedger(CompanyAccess access, LocalDate from, LocalDate to, AccountId only) {
        requirePeriod(from, to);
        TrialBalance opening = ledger.trialBalance(access, from.minusDays(1));
        Map<AccountId, List<Posting>> byAccount = new LinkedHashMap<>();
        for (Posting posting : ledger.postings(access, from, to, only)) {
            byAccount.computeIfAbsent(posting.account(), a -> new ArrayList<>()).add(posting);
        }
        List<GeneralLedger.AccountSection> sections = new ArrayList<>();
        for (Account account : ledger.accounts(access)) {
            if (only != null && !only.equals(account.id())) {
                continue;
            }
            Money open = opening.balanceOf(account.code());
            List<Posting> postings = byAccount.getOrDefault(account.id(), List.of());
            if (postings.isEmpty() && open.isZero() && only == null) {
                continue;
            }
            Money running = open;
            List<GeneralLedger.Row> rows = new ArrayList<>(postings.size());
            for (Posting posting : postings) {
                running = running.plus(posting.signedAmount());
                rows.add(new GeneralLedger.Row(posting, running));
            }
            sections.add(new GeneralLedger.AccountSection(account, open, rows, running));
        }
        return new GeneralLedger(from, to, sections);
    }

    /** The first day of the fiscal year that contains {@code date}. */
    static LocalDate fiscalYearStart(Company company, LocalDate date) {
        LocalDate start = LocalDate.of(date.getYear(), company.fiscalYearStartMonth(), 1);
        return start.isAfter(date) ? start.minusYears(1) : start;
    }

    private static Money earnings(TrialBalance tb) {
        // income is a credit balance, expenses a debit balance: earnings = credits - debits over both
        return tb.rows().stream().filter(r -> r.account().type().isProfitAndLoss())
                .map(r -> r.balance().negate()).reduce(Money.zero(tb.currency()), Money::plus);
    }

    private static List<ReportLine> lines(TrialBalance tb, AccountType type) {
        return tb.rows().stream().filter(r -> r.account().type() == type)
                .map(r -> new ReportLine(r.account(), type.normalSide() == Side.DEBIT ? r.balance() : r.balance().negate()))
                .filter(l -> !l.amount().isZero())
                .toList();
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("report.period", "A report period needs a start on or before its end; got "
                    + from + " to " + to + ".");
        }
    }
}

package ai.bookkeeper.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.StringWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReportsIntegrationTest extends DatabaseIntegrationTest {

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Reports reports;

    CompanyAccess owner;

    @BeforeEach
    void books() {
        owner = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        book("2025-06-01", "Owner investment", "1000", "3000", "10000.00", EntryStatus.POSTED);
        book("2025-11-15", "Client A invoice", "1000", "4000", "3000.00", EntryStatus.APPROVED);
        book("2025-12-01", "AWS", "6150", "1000", "500.00", EntryStatus.APPROVED);
        book("2026-02-10", "Client B invoice", "1000", "4000", "4000.00", EntryStatus.APPROVED);
        book("2026-03-05", "=HYPERLINK(\"http://x\")", "6200", "1000", "120.00", EntryStatus.APPROVED);
        book("2026-03-06", "Still in review", "6500", "1000", "999.00", EntryStatus.PROPOSED);
    }

    private void book(String date, String description, String debit, String credit, String amount, EntryStatus status) {
        Money money = Money.of(amount, CurrencyCode.USD);
        Account d = ledger.accountByCode(owner, debit).orElseThrow();
        Account c = ledger.accountByCode(owner, credit).orElseThrow();
        ledger.book(owner, NewEntry.manual(LocalDate.parse(date), description, JournalLine.debit(d.id(), money),
                JournalLine.credit(c.id(), money)), status);
    }

    @Test
    void profit_and_loss_counts_booked_income_and_expenses_of_the_period_only() {
        ProfitAndLoss pnl = reports.profitAndLoss(owner, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        assertThat(pnl.totalIncome()).isEqualTo(Money.of("4000.00", CurrencyCode.USD));
        assertThat(pnl.totalExpenses()).isEqualTo(Money.of("120.00", CurrencyCode.USD));
        assertThat(pnl.netIncome()).isEqualTo(Money.of("3880.00", CurrencyCode.USD));
    }

    @Test
    void the_monthly_profit_and_loss_from_one_query_equals_each_month_asked_on_its_own() {
        LocalDate from = LocalDate.parse("2025-11-20");
        LocalDate to = LocalDate.parse("2026-03-05");
        var months = reports.profitAndLossByMonth(owner, from, to);
        assertThat(months).extracting(ProfitAndLoss::from).containsExactly(from, LocalDate.parse("2025-12-01"),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        for (ProfitAndLoss month : months) {
            assertThat(month).isEqualTo(reports.profitAndLoss(owner, month.from(), month.to()));
        }
        assertThat(months.get(1).totalExpenses().toDecimal()).isEqualByComparingTo("500.00");
        assertThat(months.get(2).income()).isEmpty();
        assertThat(months.get(4).to()).isEqualTo(to);
        assertThat(months.get(4).totalExpenses().toDecimal()).isEqualByComparingTo("120.00"); // the 2026-03-06 entry is PROPOSED
    }

    @Test
    void the_balance_sheet_balances_and_splits_earnings_at_the_fiscal_year() {
        BalanceSheet bs = reports.balanceSheet(owner, LocalDate.parse("2026-12-31"));
        assertThat(bs.balances()).isTrue();
        assertThat(bs.totalAssets()).isEqualTo(Money.of("16380.00", CurrencyCode.USD));
        assertThat(bs.retainedEarnings()).isEqualTo(Money.of("2500.00", CurrencyCode.USD));
        assertThat(bs.currentYearEarnings()).isEqualTo(Money.of("3880.00", CurrencyCode.USD));
        assertThat(reports.trialBalance(owner, LocalDate.parse("2026-12-31")).isBalanced()).isTrue();
    }

    @Test
    void the_general_ledger_carries_opening_and_running_balances() {
        Account bank = ledger.accountByCode(owner, "1000").orElseThrow();
        GeneralLedger gl = reports.generalLedger(owner, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), bank.id());
        GeneralLedger.AccountSection section = gl.accounts().get(0);
        assertThat(section.opening()).isEqualTo(Money.of("12500.00", CurrencyCode.USD));
        assertThat(section.rows()).extracting(r -> r.runningBalance().toDecimal().toPlainString())
                .containsExactly("16500.00", "16380.00");
        assertThat(section.closing()).isEqualTo(Money.of("16380.00", CurrencyCode.USD));
    }

    @Test
    void the_general_ledger_csv_neutralizes_formulas_in_descriptions() throws Exception {
        StringWriter out = new StringWriter();
        ReportExport.csv(reports.generalLedger(owner, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), null), out);
        assertThat(out.toString()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").doesNotContain(",=HYPERLINK");
    }
}

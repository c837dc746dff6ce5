package ai.bookkeeper.report;

import ai.bookkeeper.ledger.TrialBalance;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;

/** Renders the statements as CSV (formula-safe) and as plain-text tables for the console. */
public final class ReportExport {

    private ReportExport() {
    }

    public static void csv(TrialBalance tb, Writer out) throws IOException {
        try (SafeCsv csv = new SafeCsv(out, "account_code", "account_name", "type", "debits", "credits", "balance")) {
            for (TrialBalance.Row r : tb.rows()) {
                csv.row(List.of(r.account().code(), r.account().name(), r.account().type().name(),
                        r.debits().toDecimal(), r.credits().toDecimal(), r.balance().toDecimal()));
            }
            csv.row(List.of("TOTAL", "", "", tb.totalDebits().toDecimal(), tb.totalCredits().toDecimal(),
                    tb.totalDebits().minus(tb.totalCredits()).toDecimal()));
        }
    }

    public static void csv(ProfitAndLoss pnl, Writer out) throws IOException {
        try (SafeCsv csv = new SafeCsv(out, "section", "account_code", "account_name", "amount")) {
            for (ReportLine l : pnl.income()) {
                csv.row(List.of("Income", l.account().code(), l.account().name(), l.amount().toDecimal()));
            }
            csv.row(List.of("Income", "", "Total income", pnl.totalIncome().toDecimal()));
            for (ReportLine l : pnl.expenses()) {
                csv.row(List.of("Expenses", l.account().code(), l.account().name(), l.amount().toDecimal()));
            }
            csv.row(List.of("Expenses", "", "Total expenses", pnl.totalExpenses().toDecimal()));
            csv.row(List.of("Net income", "", "Net income", pnl.netIncome().toDecimal()));
        }
    }

    public static void csv(BalanceSheet bs, Writer out) throws IOException {
        try (SafeCsv csv = new SafeCsv(out, "section", "account_code", "account_name", "amount")) {
            section(csv, "Assets", bs.assets());
            csv.row(List.of("Assets", "", "Total assets", bs.totalAssets().toDecimal()));
            section(csv, "Liabilities", bs.liabilities());
            csv.row(List.of("Liabilities", "", "Total liabilities", bs.totalLiabilities().toDecimal()));
            section(csv, "Equity", bs.equity());
            csv.row(List.of("Equity", "", "Retained earnings", bs.retainedEarnings().toDecimal()));
            csv.row(List.of("Equity", "", "Current-year earnings", bs.currentYearEarnings().toDecimal()));
            csv.row(List.of("Equity", "", "Total equity", bs.totalEquity().toDecimal()));
        }
    }

    public static void csv(GeneralLedger gl, Writer out) throws IOException {
        try (SafeCsv csv = new SafeCsv(out, "account_code", "account_name", "date", "entry_id", "description", "debit",
                "credit", "balance", "status")) {
            for (GeneralLedger.AccountSection s : gl.accounts()) {
                csv.row(List.of(s.account().code(), s.account().name(), gl.from().toString(), "", "Opening balance", "", "",
                        s.opening().toDecimal(), ""));
                for (GeneralLedger.Row r : s.rows()) {
                    var p = r.posting();
                    boolean debit = p.signedAmount().isPositive();
                    csv.row(List.of(s.account().code(), s.account().name(), p.date().toString(), p.entryId().toString(),
                            p.description(), debit ? p.amount().toDecimal() : "", debit ? "" : p.amount().toDecimal(),
                            r.runningBalance().toDecimal(), p.status().name()));
                }
            }
        }
    }

    private static void section(SafeCsv csv, String name, List<ReportLine> lines) throws IOException {
        for (ReportLine l : lines) {
            csv.row(List.of(name, l.account().code(), l.account().name(), l.amount().toDecimal()));
        }
    }

    public static void print(ProfitAndLoss pnl, PrintStream out) {
        out.printf("Profit and loss %s to %s (%s)%n", pnl.from(), pnl.to(), pnl.currency());
        pnl.income().forEach(l -> out.printf("  %-40s %14s%n", l.account().label(), l.amount().toDecimal().toPlainString()));
        out.printf("  %-40s %14s%n", "Total income", pnl.totalIncome().toDecimal().toPlainString());
        pnl.expenses().forEach(l -> out.printf("  %-40s %14s%n", l.account().label(), l.amount().toDecimal().toPlainString()));
        out.printf("  %-40s %14s%n", "Total expenses", pnl.totalExpenses().toDecimal().toPlainString());
        out.printf("  %-40s %14s%n", "Net income", pnl.netIncome().toDecimal().toPlainString());
    }

    public static void print(BalanceSheet bs, PrintStream out) {
        out.printf("Balance sheet at %s (%s)%n", bs.asOf(), bs.currency());
        bs.assets().forEach(l -> out.printf("  %-40s %14s%n", l.account().label(), l.amount().toDecimal().toPlainString()));
        out.printf("  %-40s %14s%n", "Total assets", bs.totalAssets().toDecimal().toPlainString());
        bs.liabilities().forEach(l -> out.printf("  %-40s %14s%n", l.account().label(), l.amount().toDecimal().toPlainString()));
        bs.equity().forEach(l -> out.printf("  %-40s %14s%n", l.account().label(), l.amount().toDecimal().toPlainString()));
        out.printf("  %-40s %14s%n", "Retained earnings", bs.retainedEarnings().toDecimal().toPlainString());
        out.printf("  %-40s %14s%n", "Current-year earnings", bs.currentYearEarnings().toDecimal().toPlainString());
        out.printf("  %-40s %14s%n", "Liabilities + equity",
                bs.totalLiabilities().plus(bs.totalEquity()).toDecimal().toPlainString());
        out.printf("  balances: %s%n", bs.balances() ? "yes" : "NO");
    }

    public static void print(TrialBalance tb, PrintStream out) {
        out.printf("Trial balance at %s (%s)%n", tb.asOf(), tb.currency());
        tb.rows().forEach(r -> out.printf("  %-40s %14s %14s%n", r.account().label(),
                r.debits().toDecimal().toPlainString(), r.credits().toDecimal().toPlainString()));
        out.printf("  %-40s %14s %14s%n", "Total", tb.totalDebits().toDecimal().toPlainString(),
                tb.totalCredits().toDecimal().toPlainString());
    }
}

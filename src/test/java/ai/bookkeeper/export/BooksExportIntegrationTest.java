package ai.bookkeeper.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ai.bookkeeper.ledger.AccountId;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.TrialBalance;
import ai.bookkeeper.report.Reports;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The exports cross-checked against independent implementations: hledger and Beancount read our files and must
 * arrive at our trial balance, account by account, to the cent.
 */
@AutoConfigureMockMvc
class BooksExportIntegrationTest extends DatabaseIntegrationTest {

    private static final LocalDate END = LocalDate.of(2099, 12, 31);

    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired Reports reports;
    @Autowired BooksExport export;
    @Autowired ApiTokens tokens;
    @Autowired MockMvc mvc;

    CompanyAccess owner;

    @BeforeEach
    void fourMonthsOfBooks() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        PilotLikeBooks.book(ledger, owner, 42);
    }

    @Test
    void hledger_reads_the_journal_and_its_balances_equal_our_trial_balance_account_by_account(@TempDir Path dir)
            throws Exception {
        ExternalTool.require("hledger", "hledger");
        Path journal = dir.resolve("books.journal");
        Files.writeString(journal, export.export(owner, ExportFormat.HLEDGER), StandardCharsets.UTF_8);

        // -s: strict mode, every account and commodity must be declared
        ExternalTool.Result balances = ExternalTool.run("hledger", "-s", "-f", journal.toString(), "balance", "--flat",
                "--empty", "--no-total", "--layout=bare", "-O", "csv");
        assertThat(balances.exitCode()).as(balances.stderr()).isZero();
        Map<String, BigDecimal> theirs = new TreeMap<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(balances.stdout()))) {
            assertThat(row.get("commodity")).isIn("USD", "");
            BigDecimal amount = new BigDecimal(row.get("balance"));
            if (amount.signum() != 0) {
                theirs.put(row.get("account"), amount);
            }
        }
        assertThat(theirs).isEqualTo(ours(AccountNames.hledger(ledger.accounts(owner))));
        assertThat(theirs).hasSizeGreaterThanOrEqualTo(9);

        ExternalTool.Result print = ExternalTool.run("hledger", "-f", journal.toString(), "print");
        assertThat(print.exitCode()).as(print.stderr()).isZero();
        assertThat(Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2} ").matcher(print.stdout()).results().count())
                .isEqualTo(bookedEntries());
        assertThat(print.stdout()).doesNotContain(PilotLikeBooks.PROPOSED_MARKER, PilotLikeBooks.REJECTED_MARKER)
                .contains("RENT - Main St. (lease line 2)", "\"card\" sales, net", "GUSTO PAYROLL \\ café staff");
    }

    @Test
    void beancount_checks_the_file_and_its_balances_equal_our_trial_balance_account_by_account(@TempDir Path dir)
            throws Exception {
        ExternalTool.require("bean-check", "beancount");
        Path file = dir.resolve("books.beancount");
        String text = export.export(owner, ExportFormat.BEANCOUNT);
        Files.writeString(file, text, StandardCharsets.UTF_8);

        ExternalTool.Result check = ExternalTool.run("bean-check", file.toString());
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout() + check.stderr()).isBlank();

        ExternalTool.require("bean-report", "beancount");
        ExternalTool.Result report = ExternalTool.run("bean-report", file.toString(), "balances");
        assertThat(report.exitCode()).as(report.stderr()).isZero();
        Map<String, BigDecimal> theirs = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^(\\S+)\\s+(-?[0-9.]+) USD\\s*$").matcher(report.stdout());
        while (line.find()) {
            if (new BigDecimal(line.group(2)).signum() != 0) {
                theirs.put(line.group(1), new BigDecimal(line.group(2)));
            }
        }
        assertThat(theirs).isEqualTo(ours(AccountNames.beancount(ledger.accounts(owner))));
        assertThat(text).doesNotContain(PilotLikeBooks.PROPOSED_MARKER, PilotLikeBooks.REJECTED_MARKER)
                .contains("\"RENT - Main St. (lease\\nline 2)\"", "\"SQUARE DEPOSIT #1000 \\\"card\\\" sales; net\"",
                        "\"GUSTO PAYROLL \\\\ café staff\"", "Assets:BusinessChecking", "Equity:OwnersEquity",
                        "Expenses:RepairsMaintenance");
    }

    @Test
    void the_export_is_the_same_bytes_every_time_and_lists_one_transaction_per_booked_entry() {
        String first = export.export(owner, ExportFormat.HLEDGER);
        assertThat(export.export(owner, ExportFormat.HLEDGER)).isEqualTo(first);
        assertThat(export.export(owner, ExportFormat.BEANCOUNT)).isEqualTo(export.export(owner, ExportFormat.BEANCOUNT));
        long transactions = Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2} [*!] \\(").matcher(first).results().count();
        assertThat(transactions).isEqualTo(bookedEntries());
        assertThat(first).contains("account Assets:Business Checking  ; type: A, code: 1000",
                "commodity 1000.00 USD", "Opening balances  ; source:OPENING");
    }

    @Test
    void a_viewer_downloads_the_export_over_http_and_an_unknown_format_is_refused_with_the_choices() throws Exception {
        CompanyAccess viewer = Fixtures.member(tenancy, owner, Role.VIEWER);
        String token = tokens.create(viewer.user().orElseThrow(), "export").token();
        String url = "/api/v1/companies/" + owner.companyId() + "/export";

        MvcResult beancount = mvc.perform(get(url).param("format", "beancount").header("Authorization", "Bearer " + token))
                .andReturn();
        assertThat(beancount.getResponse().getStatus()).isEqualTo(200);
        assertThat(beancount.getResponse().getHeader("Content-Disposition")).contains(".beancount");
        assertThat(beancount.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(export.export(owner, ExportFormat.BEANCOUNT));

        MvcResult bad = mvc.perform(get(url).param("format", "xlsx").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString()).contains("export.format", "hledger or beancount");
    }

    private Map<String, BigDecimal> ours(Map<AccountId, String> names) {
        TrialBalance tb = reports.trialBalance(owner, END);
        assertThat(tb.isBalanced()).isTrue();
        Map<String, BigDecimal> ours = new TreeMap<>();
        for (TrialBalance.Row row : tb.rows()) {
            if (!row.balance().isZero()) {
                ours.put(names.get(row.account().id()), row.balance().toDecimal());
            }
        }
        return ours;
    }

    private long bookedEntries() {
        return ledger.entries(owner, new EntryFilter(null, null, java.util.Set.of(EntryStatus.APPROVED, EntryStatus.POSTED),
                null, null, 1000, 0)).size();
    }
}

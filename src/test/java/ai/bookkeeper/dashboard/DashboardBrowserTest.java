package ai.bookkeeper.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.ingest.BankTransactions;
import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.ingest.TransactionFilter;
import ai.bookkeeper.categorize.Categorizer;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.AccountType;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.pipeline.Pipeline;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Company;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.NewCompany;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard as a person uses it, in Debian's Chromium driven by Playwright: sign in, pick a company, filter the
 * dates, approve an entry and see the pending KPI drop, upload a statement and see it imported. Screenshots at
 * 1280 px and at phone width land in target/screenshots/ for people to look at.
 * Runs in the SQLite pass only (its name is no *IntegrationTest): the browser adds nothing on a second engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"bookkeeper.jobs.poll-interval=200ms", "bookkeeper.storage.dir=target/test-uploads"})
class DashboardBrowserTest extends DatabaseIntegrationTest {

    static final Path CHROMIUM = Path.of(System.getProperty("bookkeeper.test.chromium", "/usr/bin/chromium"));
    static final Path SAMPLES = Path.of("src/test/resources/dashboard");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final LocalDate FROM = LocalDate.parse("2026-01-01");
    static final LocalDate TO = LocalDate.parse("2026-04-30");

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort int port;
    @Autowired Tenancy tenancy;
    @Autowired Statements statements;
    @Autowired BankTransactions transactions;
    @Autowired Pipeline pipeline;
    @Autowired ReviewQueue review;
    @Autowired Ledger ledger;
    @Autowired Categorizer categorizer;

    @BeforeAll
    static void chromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "Chromium is not installed at " + CHROMIUM + "; install it with 'apt-get install -y chromium'"
                    + " (.ci/run does when .ci/needs-chromium exists).";
            if (System.getenv("CI") != null) {
                Assertions.fail("CI needs Chromium for the dashboard's browser test. " + why);
            }
            System.err.println("\n************************************************************************\n"
                    + "*  DASHBOARD BROWSER TEST SKIPPED: " + why + "\n"
                    + "************************************************************************\n");
            Assumptions.abort(why);
        }
        Files.createDirectories(SCREENSHOTS);
        // the Debian browser only: Playwright must never fetch a browser build of its own
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void a_user_signs_in_picks_a_company_filters_dates_approves_an_entry_and_imports_a_statement() throws Exception {
        User user = Fixtures.user(tenancy);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Company books = tenancy.createCompany(user.id(), NewCompany.of("Harbor Web Studio " + tag, BusinessType.WEB_DEVELOPMENT));
        Company other = tenancy.createCompany(user.id(), NewCompany.of("Second Venture " + tag, BusinessType.WEB_DEVELOPMENT));
        CompanyAccess strangers = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        CompanyAccess access = tenancy.access(user.id(), books.id());
        BigDecimal threshold = books.autoApproveThreshold();
        for (String month : List.of("2026-01.csv", "2026-02.csv", "2026-03.csv")) {
            // January waits for review whole (as a new company's first month would), later months are automated
            tenancy.updateSettings(access, month.startsWith("2026-01") ? BigDecimal.ONE : threshold, null);
            ImportReport report = statements.importFile(access, SAMPLES.resolve(month), ImportOptions.defaults().account("1000"));
            assertThat(report.ok()).as(report.summary()).isTrue();
            pipeline.process(access, transactions.newSince(access, report.batch()));
        }
        int seeded = transactions.transactions(access, TransactionFilter.all().between(FROM, TO)).size();
        int pending = review.pending(access);
        Account expense = ledger.accounts(access).stream().filter(a -> a.type() == AccountType.EXPENSE)
                .max(Comparator.comparing(Account::code)).orElseThrow();
        assertThat(pending).as("the seed leaves entries to review").isGreaterThan(0);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            String base = "http://localhost:" + port;

            // signing in: the dashboard redirects to the login page first
            page.navigate(base + "/app");
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            shot(page, "login-1280");
            page.getByLabel("Email").fill(user.email());
            page.getByLabel("Password").fill(Fixtures.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // the company selector lists the user's two companies and never a stranger's
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your companies"))).isVisible();
            assertThat(page.locator(".company-list li")).hasCount(2);
            assertThat(page.locator(".company-list")).containsText(other.name());
            assertThat(page.locator(".company-list")).not().containsText(tenancy.company(strangers).name());
            Response outsider = page.navigate(base + "/app/companies/" + strangers.companyId());
            assertThat(outsider.status()).isEqualTo(404);
            page.navigate(base + "/app");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(books.name())).click();

            // the date filter applies to the overview's KPIs and charts
            page.locator("#period-from").fill(FROM.toString());
            page.locator("#period-to").fill(TO.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply dates")).click();
            assertThat(page.locator("#kpi-transactions dd")).hasText(Integer.toString(seeded));
            assertThat(page.locator("#kpi-pending dd")).hasText(Integer.toString(pending));
            assertThat(page.locator("canvas.chart[data-drawn=true]")).hasCount(2);
            shot(page, "overview-1280");

            // review: j focuses the first entry, a approves it in place (htmx), the pending count drops
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Review"))).click();
            assertThat(page.locator(".queue-item")).hasCount(pending);
            shot(page, "review-1280");
            page.locator("body").press("j");
            assertThat(page.locator(".queue-item").first()).isFocused();
            page.keyboard().press("a");
            assertThat(page.locator(".queue-item.decided")).hasCount(1);
            assertThat(page.locator(".queue-item.decided")).containsText("Approved");
            assertThat(page.locator("#pending-count")).hasText(Integer.toString(pending - 1));
            assertThat(review.pending(access)).isEqualTo(pending - 1);

            // an entry without a suggestion: pick the account in the searchable picker, approve, and make a rule
            Locator obscure = page.locator(".queue-item", new Page.LocatorOptions().setHasText("ZZQX OBSCURE THING 4411"));
            obscure.getByLabel("Account").fill(expense.code() + " — " + expense.name());
            obscure.getByLabel("make a rule").check();
            obscure.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change & approve")).click();
            assertThat(page.locator(".queue-item.decided")).hasCount(2);
            assertThat(page.locator("#pending-count")).hasText(Integer.toString(pending - 2));
            assertThat(categorizer.rules(access)).hasSize(1);

            // the overview's KPI shows the decision (the date range was kept in the session)
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            assertThat(page.locator("#period-from")).hasValue(FROM.toString());
            assertThat(page.locator("#kpi-pending dd")).hasText(Integer.toString(pending - 2));

            // upload a statement; the page follows the import job until it is done
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload")).click();
            shot(page, "upload-1280");
            page.setInputFiles("#files", SAMPLES.resolve("2026-04-upload.csv"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
            assertThat(page.locator("#job-status[data-status=SUCCEEDED]")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            assertThat(page.locator("#import-results")).containsText("4 read, 4 new");
            shot(page, "import-done-1280");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the transactions")).click();
            assertThat(page.locator("main table")).containsText("MIDTOWN PRINT SHOP 88");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            assertThat(page.locator("#kpi-transactions dd")).hasText(Integer.toString(seeded + 4));

            // reports, with a CSV download over the same session
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).click();
            shot(page, "reports-1280");
            String csv = context.request().get(base + "/app/companies/" + books.id() + "/reports/trial-balance.csv").text();
            assertThat(csv.lines().findFirst().orElse("")).containsIgnoringCase("account");
            assertThat(csv).contains("1000");

            // journal with a status filter, and reconciliation
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Journal")).click();
            page.getByLabel("proposed").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            assertThat(page.locator("main table tbody tr")).hasCount(pending - 2 + 1);
            shot(page, "journal-1280");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reconciliation")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Matched")))).isVisible();
            shot(page, "reconciliation-1280");

            // phone width: the same pages, laid out in one column
            page.setViewportSize(390, 844);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            shot(page, "overview-phone", false);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Review"))).click();
            shot(page, "review-phone", false);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transactions")).click();
            shot(page, "transactions-phone", false);
            assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("no sideways scrolling at phone width").isTrue();
        }
    }

    private static void shot(Page page, String name) {
        shot(page, name, true);
    }

    /** At phone width the first screen is what matters (a full page of a long queue is too tall to look at). */
    private static void shot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(fullPage));
    }
}

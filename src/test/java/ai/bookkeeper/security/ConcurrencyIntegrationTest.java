package ai.bookkeeper.security;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ai.bookkeeper.ingest.ImportOptions;
import ai.bookkeeper.ingest.ImportReport;
import ai.bookkeeper.ingest.Statements;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.EntryStatus;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.shared.ConflictException;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Races: fifty reviewers approving one entry, the same statement imported twice at the same moment. */
@AutoConfigureMockMvc
class ConcurrencyIntegrationTest extends DatabaseIntegrationTest {

    static final int THREADS = 50;

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired ApiTokens tokens;
    @Autowired Statements statements;
    @Autowired JdbcTemplate jdbc;

    @TempDir Path dir;
    CompanyAccess owner;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
    }

    JournalEntry proposed() {
        Account checking = ledger.accountByCode(owner, "1000").orElseThrow();
        Account expense = ledger.accounts(owner).stream().filter(a -> a.type().name().equals("EXPENSE")).findFirst()
                .orElseThrow();
        return ledger.propose(owner, new NewEntry(LocalDate.parse("2026-03-01"), "Race", null, EntrySource.MANUAL,
                List.of(JournalLine.debit(expense.id(), Money.of("9.99", CurrencyCode.USD)),
                        JournalLine.credit(checking.id(), Money.of("9.99", CurrencyCode.USD)))));
    }

    /** Runs {@code task} on {@code n} threads released at the same instant; the outcome of each, by kind. */
    static <T> List<Object> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fifty_threads_approving_one_entry_make_exactly_one_transition_and_the_rest_conflict() throws Exception {
        JournalEntry entry = proposed();
        List<Object> outcomes = race(THREADS, () -> ledger.approve(owner, entry.id(), entry.version()));

        Map<String, Long> kinds = outcomes.stream().collect(Collectors.groupingBy(
                o -> o instanceof JournalEntry ? "approved" : o.getClass().getSimpleName(), Collectors.counting()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("approved", 1L, "ConflictException", 49L));
        assertThat(ledger.entry(owner, entry.id()).status()).isEqualTo(EntryStatus.APPROVED);
        assertThat(ledger.entry(owner, entry.id()).version()).isEqualTo(entry.version() + 1);
    }

    @Test
    void fifty_http_approvals_of_one_entry_answer_one_200_and_forty_nine_409() throws Exception {
        JournalEntry entry = proposed();
        String bearer = "Bearer " + tokens.create(owner.user().orElseThrow(), "race").token();
        String url = "/api/v1/companies/" + owner.companyId() + "/entries/" + entry.id() + "/approve";
        List<Object> outcomes = race(THREADS, () -> mvc.perform(post(url).header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + entry.version() + "}"))
                .andReturn().getResponse().getStatus());

        assertThat(outcomes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(200, 1L, 409, 49L));
        assertThat(ledger.entry(owner, entry.id()).status()).isEqualTo(EntryStatus.APPROVED);
    }

    @Test
    void the_same_file_imported_twice_at_once_is_imported_once() throws Exception {
        Path csv = dir.resolve("twice.csv");
        StringBuilder text = new StringBuilder("Date,Description,Amount\n");
        for (int i = 0; i < 3000; i++) {
            text.append("2026-03-").append(String.format("%02d", 1 + i % 28)).append(",SHOP ").append(i % 40)
                    .append(',').append(i % 7 == 0 ? "-4.50" : "-" + (1 + i % 90) + ".25").append('\n');
        }
        java.nio.file.Files.writeString(csv, text);
        List<Object> outcomes = race(2, () -> statements.importFile(owner, csv, ImportOptions.defaults().account("1000")));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ImportReport.class));
        List<ImportReport> reports = outcomes.stream().map(ImportReport.class::cast).toList();
        assertThat(reports).allSatisfy(r -> assertThat(r.ok()).as(r.summary()).isTrue());
        assertThat(reports).extracting(ImportReport::added).containsExactlyInAnyOrder(3000L, 0L);
        assertThat(reports).extracting(ImportReport::duplicates).containsExactlyInAnyOrder(0L, 3000L);
        Object company = Keys.bind(owner.companyId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE company_id = ?", Long.class, company))
                .isEqualTo(3000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT fingerprint) FROM bank_transaction WHERE company_id = ?",
                Long.class, company)).isEqualTo(3000);
    }
}

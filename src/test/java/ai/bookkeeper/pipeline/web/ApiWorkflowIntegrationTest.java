package ai.bookkeeper.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API end to end through MockMvc: upload, background import, transactions, review, rules, reconciliation, KPIs. */
@AutoConfigureMockMvc
class ApiWorkflowIntegrationTest extends DatabaseIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;
    @Autowired ApiTokens tokens;
    @Autowired Jobs jobs;
    @Value("${bookkeeper.storage.dir}") String storageDir;

    CompanyAccess owner;
    String token;
    String base;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        token = tokens.create(owner.user().orElseThrow(), "test").token();
        base = "/api/v1/companies/" + owner.companyId();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = ApiWorkflowIntegrationTest.class.getResourceAsStream("/api/" + name)) {
            return in.readAllBytes();
        }
    }

    MockMultipartHttpServletRequestBuilder upload(String clientName, byte[] content) {
        MockMultipartHttpServletRequestBuilder request = multipart(base + "/statements");
        request.part(new MockPart("files", clientName, content, MediaType.valueOf("text/csv")));
        request.param("account", "1000");
        return request;
    }

    MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    JsonNode json(AbstractMockHttpServletRequestBuilder<?> request, int expectedStatus) throws Exception {
        MockHttpServletResponse response = call(request);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return JSON.readTree(response.getContentAsString());
    }

    JsonNode awaitJob(String statusUrl) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonNode job = json(get(statusUrl), 200);
        while (!List.of("SUCCEEDED", "FAILED").contains(job.path("status").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            job = json(get(statusUrl), 200);
        }
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    @Test
    void an_upload_is_imported_in_the_background_and_flows_into_transactions_review_and_kpis() throws Exception {
        MockHttpServletResponse accepted = call(upload("march.csv", sample("march.csv")));
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
        String location = accepted.getHeader("Location");
        assertThat(location).isEqualTo(base + "/jobs/" + JSON.readTree(accepted.getContentAsString()).path("jobId").asString());
        JsonNode job = awaitJob(location);
        JsonNode result = JSON.readTree(job.path("result").asString());
        assertThat(result.path("files").get(0).path("name").asString()).isEqualTo("march.csv");
        assertThat(result.path("files").get(0).path("added").asInt()).isEqualTo(6);
        assertThat(result.path("transactions").asInt()).isEqualTo(6);

        JsonNode all = json(get(base + "/transactions").param("from", "2026-03-01").param("to", "2026-03-31"), 200);
        assertThat(all.path("items")).hasSize(6);
        assertThat(all.path("next").isNull()).isTrue();
        JsonNode obscure = json(get(base + "/transactions").param("q", "zzqx obscure"), 200);
        assertThat(obscure.path("items")).hasSize(2)
                .allSatisfy(t -> assertThat(t.path("description").asString()).isEqualTo("ZZQX OBSCURE THING 4411"));
        JsonNode first = json(get(base + "/transactions").param("limit", "4"), 200);
        assertThat(first.path("items")).hasSize(4);
        JsonNode second = json(get(base + "/transactions").param("limit", "4").param("after", first.path("next").asString()), 200);
        assertThat(second.path("items")).hasSize(2);
        assertThat(json(get(base + "/transactions").param("status", "PENDING"), 200).path("items")).isEmpty();
        assertThat(json(get(base + "/transactions").param("to", "2026-03-05"), 200).path("items")).hasSize(2);
        String oneId = second.path("items").get(0).path("id").asString();
        assertThat(json(get(base + "/transactions/" + oneId), 200).path("amount").path("currency").asString()).isEqualTo("USD");

        JsonNode kpisBefore = kpis();
        assertThat(kpisBefore.path("transactions").asInt()).isEqualTo(6);
        JsonNode queue = json(get(base + "/review"), 200);
        assertThat(queue.size()).isPositive().isEqualTo(kpisBefore.path("pendingReviews").asInt());
        JsonNode item = queue.get(0);
        assertThat(item.has("suggestedAccount") && item.has("confidence") && item.has("tier") && item.has("rationale")
                && item.has("similarExamples")).as(item.toString()).isTrue();

        String entry = item.path("entryId").asString();
        String version = "{\"version\":" + item.path("version").asInt() + "}";
        assertThat(json(post(base + "/review/" + entry + "/approve").contentType(MediaType.APPLICATION_JSON).content(version), 200)
                .path("entryStatus").asString()).isEqualTo("APPROVED");
        assertThat(call(post(base + "/review/" + entry + "/approve").contentType(MediaType.APPLICATION_JSON).content(version))
                .getStatus()).isEqualTo(409);
        assertThat(kpis().path("pendingReviews").asInt()).isEqualTo(kpisBefore.path("pendingReviews").asInt() - 1);
        assertThat(json(get(base + "/analytics/automation"), 200).get(0).path("month").asString()).isEqualTo("2026-03");

        MockHttpServletResponse feedback = call(get(base + "/feedback.csv"));
        assertThat(feedback.getContentType()).startsWith("text/csv");
        assertThat(feedback.getContentAsString()).startsWith("txn_id,description,predicted_account").contains(",approved,");

        JsonNode run = json(post(base + "/reconciliation/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}"), 200);
        assertThat(run.path("matched").asInt()).as("the import reconciled its lines already").isZero();
        int matched = json(get(base + "/reconciliation/matches").param("from", "2026-03-01").param("to", "2026-03-31"), 200).size();
        int orphans = json(get(base + "/reconciliation/orphans").param("from", "2026-03-01").param("to", "2026-03-31"), 200)
                .path("bankLines").size();
        assertThat(matched + orphans).isEqualTo(6);
        assertThat(json(get(base + "/reconciliation/rate").param("from", "2026-03-01").param("to", "2026-03-31"), 200)
                .path("rate").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(matched)
                        .divide(java.math.BigDecimal.valueOf(6), 4, java.math.RoundingMode.HALF_EVEN));
    }

    JsonNode kpis() throws Exception {
        return json(get(base + "/analytics/kpis").param("from", "2026-03-01").param("to", "2026-03-31"), 200);
    }

    @Test
    void the_same_upload_with_the_same_idempotency_key_answers_the_first_202_and_queues_one_job() throws Exception {
        byte[] march = sample("march.csv");
        MockHttpServletResponse first = call(upload("march.csv", march).header("Idempotency-Key", "upload-1"));
        MockHttpServletResponse again = call(upload("march.csv", march).header("Idempotency-Key", "upload-1"));
        assertThat(first.getStatus()).isEqualTo(202);
        assertThat(again.getStatus()).isEqualTo(202);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(jobs.recent(owner, 10)).hasSize(1);

        MockHttpServletResponse other = call(upload("april.csv", sample("april.csv")).header("Idempotency-Key", "upload-1"));
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentAsString()).contains("idempotency.key.reused");
        assertThat(jobs.recent(owner, 10)).hasSize(1);
    }

    @Test
    void hostile_file_names_are_stored_inside_the_company_folder_under_a_safe_name() throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(base + "/statements");
        request.part(new MockPart("files", "../../etc/passwd", sample("march.csv"), MediaType.TEXT_PLAIN));
        request.part(new MockPart("files", "..\\x.csv", sample("april.csv"), MediaType.TEXT_PLAIN));
        request.param("account", "1000");
        MockHttpServletResponse accepted = call(request);
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);

        Path root = Path.of(storageDir).toAbsolutePath().normalize();
        Path folder = root.resolve(owner.companyId().toString());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).hasSize(2)
                    .anySatisfy(n -> assertThat(n).matches("[0-9a-f-]{36}-passwd"))
                    .anySatisfy(n -> assertThat(n).matches("[0-9a-f-]{36}-x\\.csv"));
        }
        try (Stream<Path> everything = Files.walk(root.getParent())) {
            assertThat(everything.filter(Files::isRegularFile).filter(f -> !f.startsWith(root))
                    .map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.endsWith("passwd") || n.endsWith("x.csv"));
        }
        JsonNode job = awaitJob(accepted.getHeader("Location"));
        assertThat(JSON.readTree(job.path("result").asString()).path("files")).extracting(f -> f.path("name").asString())
                .containsExactly("../../etc/passwd", "..\\x.csv");
    }

    @Test
    void an_upload_without_files_is_a_problem_that_says_how_to_send_them() throws Exception {
        MockHttpServletResponse json = call(post(base + "/statements").contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertThat(json.getStatus()).isEqualTo(400);
        assertThat(json.getContentAsString()).contains("upload.not_multipart", "multipart/form-data");
        MockMultipartHttpServletRequestBuilder empty = multipart(base + "/statements");
        empty.part(new MockPart("other", "x.csv", new byte[] {1}, MediaType.TEXT_PLAIN));
        MockHttpServletResponse missing = call(empty);
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString()).contains("'files'");
    }

    @Test
    void a_receipt_upload_is_read_and_stored() throws Exception {
        byte[] receipt = """
                Plovdiv Supply House
                2026-03-15
                Paper and toner
                TOTAL 310.25 USD
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MockMultipartHttpServletRequestBuilder request = multipart(base + "/documents");
        request.part(new MockPart("files", "receipt.txt", receipt, MediaType.TEXT_PLAIN));
        JsonNode documents = json(request, 201);
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).path("fileName").asString()).isEqualTo("receipt.txt");
        assertThat(documents.get(0).path("total").path("amount").decimalValue()).isEqualByComparingTo("310.25");
        assertThat(json(get(base + "/documents"), 200)).hasSize(1);
    }

    @Test
    void rules_are_listed_added_from_yaml_and_deleted() throws Exception {
        JsonNode rules = json(get(base + "/rules"), 200);
        assertThat(rules.path("company")).isEmpty();
        assertThat(rules.path("global")).isNotEmpty();
        String yaml = "id: zzqx\\npriority: 700\\nconfidence: 0.99\\nwhen:\\n  description_contains: [zzqx obscure]\\naccount: \\\"6150\\\"\\n";
        JsonNode added = json(post(base + "/rules").contentType(MediaType.APPLICATION_JSON)
                .content("{\"yaml\":\"" + yaml + "\"}"), 201);
        assertThat(added.get(0).path("id").asString()).isEqualTo("zzqx");
        assertThat(json(get(base + "/rules"), 200).path("company")).hasSize(1);
        assertThat(call(delete(base + "/rules/zzqx")).getStatus()).isEqualTo(204);
        assertThat(call(delete(base + "/rules/zzqx")).getStatus()).isEqualTo(404);
        json(get(base + "/rules/proposals"), 200);
    }

    @Test
    void status_company_and_role_fields_in_a_body_are_refused_not_taken() throws Exception {
        MockHttpServletResponse response = call(post(base + "/review/" + java.util.UUID.randomUUID() + "/approve")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"status\":\"POSTED\"}"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("'status' is not accepted");
        MockHttpServletResponse company = call(post(base + "/reconciliation/run").contentType(MediaType.APPLICATION_JSON)
                .content("{\"company_id\":\"" + java.util.UUID.randomUUID() + "\"}"));
        assertThat(company.getStatus()).isEqualTo(400);
        assertThat(company.getContentAsString()).contains("'company_id' is not accepted");
    }

    @Test
    void the_openapi_document_lists_the_endpoints_and_the_ui_is_served() throws Exception {
        MockHttpServletResponse docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).as(docs.getContentAsString()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.getContentAsString()).path("paths");
        for (String path : List.of("/statements", "/documents", "/transactions", "/transactions/{transactionId}",
                "/review", "/review/{entryId}/approve", "/review/bulk-approve", "/rules", "/reconciliation/run",
                "/reconciliation/matches", "/analytics/kpis", "/analytics/automation", "/feedback.csv", "/jobs/{jobId}",
                "/entries", "/reports/trial-balance")) {
            assertThat(paths.has("/api/v1/companies/{companyId}" + path)).as(path).isTrue();
        }
        assertThat(docs.getContentAsString()).doesNotContain("CompanyAccess");
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_request_id_is_echoed_or_made_up() throws Exception {
        assertThat(call(get(base + "/review").header("X-Request-Id", "abc-123")).getHeader("X-Request-Id")).isEqualTo("abc-123");
        assertThat(call(get(base + "/review").header("X-Request-Id", "bad\r\nheader")).getHeader("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
    }
}

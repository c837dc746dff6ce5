package ai.bookkeeper.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.jobs.Jobs;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads over real HTTP to the embedded Tomcat, which parses multipart bodies itself (MockMvc does not): the
 * Idempotency-Key must not eat the body the parts come from, the size limits answer 413, and Prometheus shows
 * what the imports did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"spring.servlet.multipart.max-file-size=4KB",
        "spring.servlet.multipart.max-request-size=16KB", "management.prometheus.metrics.export.enabled=true",
        "bookkeeper.jobs.poll-interval=200ms"})
class UploadOverHttpIntegrationTest extends DatabaseIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired Tenancy tenancy;
    @Autowired ApiTokens tokens;
    @Autowired Jobs jobs;

    final HttpClient http = HttpClient.newHttpClient();
    CompanyAccess owner;
    String token;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.WEB_DEVELOPMENT);
        token = tokens.create(owner.user().orElseThrow(), "http").token();
    }

    HttpResponse<String> upload(Map<String, byte[]> files, String idempotencyKey) throws Exception {
        String boundary = "----bk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"account\"\r\n\r\n1000\r\n--" + boundary
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/v1/companies/" + owner.companyId() + "/statements"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Request-Id", "upload-test-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void a_real_multipart_upload_with_an_idempotency_key_is_parsed_imported_once_and_replayed() throws Exception {
        byte[] march = ApiWorkflowIntegrationTest.sample("march.csv");
        HttpResponse<String> first = upload(Map.of("march.csv", march), "same-key");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("X-Request-Id")).contains("upload-test-1");
        HttpResponse<String> again = upload(Map.of("march.csv", march), "same-key");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Location")).isPresent();
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(jobs.recent(owner, 10)).hasSize(1);

        String statusUrl = JSON.readTree(first.body()).path("statusUrl").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        JsonNode job = JSON.readTree(get(statusUrl).body());
        while (!job.path("status").asString().matches("SUCCEEDED|FAILED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            job = JSON.readTree(get(statusUrl).body());
        }
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(JSON.readTree(get("/api/v1/companies/" + owner.companyId() + "/transactions").body()).path("items"))
                .hasSize(6);

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(url("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("bookkeeper_transactions_ingested_total", "bookkeeper_transactions_categorized_total{",
                "tier=", "bookkeeper_transactions_auto_approved_total", "bookkeeper_jobs_queue_depth",
                "http_server_requests_seconds_bucket");
        assertThat(value(metrics.body(), "bookkeeper_transactions_ingested_total")).isGreaterThanOrEqualTo(6);
        assertThat(value(metrics.body(), "bookkeeper_transactions_categorized_total")).isGreaterThanOrEqualTo(6);
        assertThat(value(metrics.body(), "bookkeeper_jobs_queue_depth")).isNotNaN().isGreaterThanOrEqualTo(0);
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_a_413_problem() throws Exception {
        byte[] big = ("Date,Description,Amount\n" + "03/02/2026,PADDING,-1.00\n".repeat(400)).getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {null, "big-upload"}) {
            HttpResponse<String> response = upload(Map.of("big.csv", big), key);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("upload.too_large", "split it");
        }
        assertThat(jobs.recent(owner, 10)).isEmpty();
    }

    private static double value(String exposition, String metric) {
        return exposition.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}

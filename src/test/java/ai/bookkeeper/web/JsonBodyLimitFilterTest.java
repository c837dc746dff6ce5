package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The JSON body limit on bodies without a Content-Length (chunked), where the filter has to count for itself. */
class JsonBodyLimitFilterTest {

    final JsonBodyLimitFilter filter = new JsonBodyLimitFilter(new ProblemWriter(), 1024);

    static MockHttpServletRequest chunked(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/x") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    @Test
    void a_chunked_json_body_over_the_limit_is_refused_with_413_and_never_reaches_the_application() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> reached = new AtomicReference<>();
        filter.doFilter(chunked("application/json", new byte[1025]), response, (req, res) -> reached.set(req));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"request.too_large\"")
                .contains("more than 1024 bytes");
        assertThat(reached.get()).isNull();
    }

    @Test
    void a_chunked_json_body_within_the_limit_reaches_the_application_whole() throws Exception {
        byte[] body = "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> seen = new AtomicReference<>();
        filter.doFilter(chunked("application/problem+json; charset=UTF-8", body), new MockHttpServletResponse(),
                (req, res) -> seen.set(req.getInputStream().readAllBytes()));
        assertThat(seen.get()).isEqualTo(body);
    }

    @Test
    void other_content_types_such_as_uploads_are_left_to_their_own_limits() throws Exception {
        AtomicReference<ServletRequest> reached = new AtomicReference<>();
        filter.doFilter(chunked("multipart/form-data; boundary=x", new byte[4096]), new MockHttpServletResponse(),
                (req, res) -> reached.set(req));
        assertThat(reached.get()).isNotNull();
    }
}

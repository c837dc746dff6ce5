package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.shared.BusyException;
import ai.bookkeeper.shared.ConflictException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemDetailsTest {

    private final ProblemDetails problems = new ProblemDetails("1MB", "10MB");

    @Test
    void a_busy_rejection_is_a_503_problem_that_says_when_to_retry() {
        var response = new MockHttpServletResponse();
        var problem = problems.rejected(new BusyException("auth.busy", "Too many people are signing in.",
                Duration.ofMillis(4_200)), response);

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(problem.getProperties()).containsEntry("code", "auth.busy");
        assertThat(problem.getType().toString()).endsWith("/errors/auth.busy");
        assertThat(problem.getDetail()).isEqualTo("Too many people are signing in.");
    }

    @Test
    void other_rejections_carry_no_retry_after() {
        var response = new MockHttpServletResponse();
        var problem = problems.rejected(new ConflictException("entry.transition", "Already approved."), response);

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isNull();
    }
}

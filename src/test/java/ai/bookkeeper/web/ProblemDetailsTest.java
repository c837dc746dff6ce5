package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.bookkeeper.shared.BusyException;
import ai.bookkeeper.shared.ConflictException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ProblemDetailsTest {

    private final ProblemDetails problems = new ProblemDetails("1MB", "10MB");

    @Test
    void a_busy_rejection_is_a_503_problem_that_says_when_to_retry() {
        var response = problems.rejected(new BusyException("auth.busy", "Too many people are signing in.",
                Duration.ofMillis(4_200)));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getBody()).isNotNull();
        assertThat(response.getBody().getProperties()).containsEntry("code", "auth.busy");
        assertThat(response.getBody().getType().toString()).endsWith("/errors/auth.busy");
        assertThat(response.getBody().getDetail()).isEqualTo("Too many people are signing in.");
    }

    @Test
    void other_rejections_carry_no_retry_after() {
        var response = problems.rejected(new ConflictException("entry.transition", "Already approved."));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}

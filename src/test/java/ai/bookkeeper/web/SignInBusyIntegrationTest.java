package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Sign-ins beyond the password-check bound, end to end: one check at a time and none may wait, so of several
 * sign-ins sent at once one is checked and the others are refused at once, on the API as a 503 problem with
 * Retry-After and on the dashboard as the sign-in form again, with the message and the email kept.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"bookkeeper.passwords.concurrent-checks=1", "bookkeeper.passwords.max-queue=0"})
class SignInBusyIntegrationTest extends DatabaseIntegrationTest {

    private static final int AT_ONCE = 8;

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;

    User owner;
    ExecutorService threads;

    @BeforeEach
    void owner() {
        var access = Fixtures.company(tenancy, BusinessType.RETAIL);
        owner = tenancy.user(access.user().orElseThrow()).orElseThrow();
        threads = Executors.newFixedThreadPool(AT_ONCE);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void api_sign_ins_beyond_the_bound_are_refused_as_503_problems_that_say_when_to_retry() throws Exception {
        List<MockHttpServletResponse> answers = atOnceUntilOneIsRefused(i -> post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + owner.email() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(200, 503).contains(200);
        for (MockHttpServletResponse refused : answers.stream().filter(r -> r.getStatus() == 503).toList()) {
            assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(refused.getContentAsString()).contains("\"code\":\"auth.busy\"", "Try again");
        }
    }

    @Test
    void dashboard_sign_ins_beyond_the_bound_get_the_form_again_with_the_message_and_their_email() throws Exception {
        List<MockHttpServletResponse> answers = atOnceUntilOneIsRefused(i -> post("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("email", owner.email()).param("password", Fixtures.PASSWORD));

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(302, 503).contains(302);
        for (MockHttpServletResponse refused : answers.stream().filter(r -> r.getStatus() == 503).toList()) {
            assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
            assertThat(refused.getContentAsString()).contains("Sign in to AI Bookkeeper", "Try again",
                    "value=\"" + owner.email() + "\"");
        }
    }

    /**
     * Sends {@link #AT_ONCE} requests together, again (up to five rounds) until at least one is refused; a BCrypt
     * check takes tens of milliseconds, so the first round nearly always has seven refusals.
     */
    private List<MockHttpServletResponse> atOnceUntilOneIsRefused(Function<Integer, RequestBuilder> request)
            throws Exception {
        List<MockHttpServletResponse> all = new ArrayList<>();
        for (int round = 0; round < 5 && all.stream().noneMatch(r -> r.getStatus() == 503); round++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                int n = i;
                sent.add(threads.submit(() -> {
                    start.await();
                    return mvc.perform(request.apply(n)).andReturn().getResponse();
                }));
            }
            start.countDown();
            for (Future<MockHttpServletResponse> f : sent) {
                all.add(f.get(30, TimeUnit.SECONDS));
            }
        }
        assertThat(all).as("some sign-in refused as busy").anyMatch(r -> r.getStatus() == 503);
        return all;
    }
}

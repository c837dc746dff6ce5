package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.bookkeeper.ledger.Account;
import ai.bookkeeper.ledger.EntryFilter;
import ai.bookkeeper.ledger.Ledger;
import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@AutoConfigureMockMvc
class AuthApiIntegrationTest extends DatabaseIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;
    @Autowired Ledger ledger;
    @Autowired ApiTokens tokens;

    CompanyAccess owner;
    User ownerUser;
    String token;

    @BeforeEach
    void company() {
        owner = Fixtures.company(tenancy, BusinessType.RETAIL);
        ownerUser = tenancy.user(owner.user().orElseThrow()).orElseThrow();
        token = tokens.create(ownerUser.id(), "script").token();
    }

    private String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void a_browser_signs_in_with_a_session_cookie_and_changes_need_the_csrf_token() throws Exception {
        MvcResult signedIn = mvc.perform(post("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content(login(ownerUser.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.companies[0].role").value("OWNER"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value(ownerUser.email()));

        String accounts = "/api/v1/companies/" + owner.companyId() + "/accounts";
        String body = "{\"code\":\"6999\",\"name\":\"Bank charges\",\"type\":\"EXPENSE\",\"bank\":false}";
        mvc.perform(post(accounts).session(session).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("X-XSRF-TOKEN")));

        MvcResult page = mvc.perform(get("/api/v1/me").session(session)).andReturn();
        Cookie xsrf = page.getResponse().getCookie("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        mvc.perform(post(accounts).session(session).cookie(xsrf).header("X-XSRF-TOKEN", xsrf.getValue())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void responses_carry_the_security_headers() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void repeated_failures_throttle_that_address_but_not_the_owner_elsewhere() throws Exception {
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_AND_ADDRESS; i++) {
            mvc.perform(post("/api/v1/auth/login").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })
                            .contentType(MediaType.APPLICATION_JSON).content(login(ownerUser.email(), "wrong-password")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/login").with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content(login(ownerUser.email(), Fixtures.PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(post("/api/v1/auth/login").with(r -> { r.setRemoteAddr("198.51.100.7"); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content(login(ownerUser.email(), Fixtures.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void a_revoked_or_forged_token_is_refused() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token + "x")).andExpect(status().isUnauthorized());
        var created = tokens.create(ownerUser.id(), "temp");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token())).andExpect(status().isOk());
        tokens.revoke(ownerUser.id(), created.info().id());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + created.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.token.invalid"));
    }

    @Test
    void a_body_field_that_is_not_accepted_is_refused_by_name_so_company_id_cannot_be_smuggled() throws Exception {
        mvc.perform(post("/api/v1/companies/" + owner.companyId() + "/accounts").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"6998\",\"name\":\"X\",\"type\":\"EXPENSE\",\"company_id\":\"other\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'company_id' is not accepted")));
    }

    @Test
    void the_same_idempotency_key_replays_the_first_answer_and_a_different_body_is_refused() throws Exception {
        Account bank = ledger.accountByCode(owner, "1000").orElseThrow();
        Account rent = ledger.accountByCode(owner, "6100").orElseThrow();
        String body = """
                {"date":"2026-03-01","description":"March rent","lines":[
                  {"accountId":"%s","side":"DEBIT","amount":"1200.00"},
                  {"accountId":"%s","side":"CREDIT","amount":"1200.00"}]}""".formatted(rent.id(), bank.id());
        String url = "/api/v1/companies/" + owner.companyId() + "/entries";
        String first = mvc.perform(post(url).header("Authorization", "Bearer " + token).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post(url).header("Authorization", "Bearer " + token).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(ledger.entries(owner, EntryFilter.all())).hasSize(1);
        mvc.perform(post(url).header("Authorization", "Bearer " + token).header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("1200.00", "1300.00")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency.key.reused"));
    }

    @Test
    void two_reviewers_approving_one_entry_get_one_success_and_one_conflict() throws Exception {
        Account bank = ledger.accountByCode(owner, "1000").orElseThrow();
        Account rent = ledger.accountByCode(owner, "6100").orElseThrow();
        var money = ai.bookkeeper.shared.Money.of("10.00", ai.bookkeeper.shared.CurrencyCode.USD);
        var entry = ledger.propose(owner, ai.bookkeeper.ledger.NewEntry.manual(java.time.LocalDate.of(2026, 3, 2), "rent",
                ai.bookkeeper.ledger.JournalLine.debit(rent.id(), money), ai.bookkeeper.ledger.JournalLine.credit(bank.id(), money)));
        String other = tokens.create(Fixtures.member(tenancy, owner, Role.ACCOUNTANT).user().orElseThrow(), "t").token();
        String url = "/api/v1/companies/" + owner.companyId() + "/entries/" + entry.id() + "/approve";
        String decision = "{\"version\":" + entry.version() + "}";
        mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post(url).header("Authorization", "Bearer " + other).contentType(MediaType.APPLICATION_JSON).content(decision))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").exists());
    }
}

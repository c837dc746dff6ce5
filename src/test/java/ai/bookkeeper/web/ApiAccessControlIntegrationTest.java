package ai.bookkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.BusinessType;
import ai.bookkeeper.tenancy.CompanyAccess;
import ai.bookkeeper.tenancy.Role;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import ai.bookkeeper.testing.Fixtures;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks the route table and calls every company endpoint as an anonymous caller, as an outsider (a member of another
 * company), and as each role. A new endpoint is covered the moment it exists: without {@link RequiresRole} it fails.
 */
@AutoConfigureMockMvc
class ApiAccessControlIntegrationTest extends DatabaseIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Tenancy tenancy;
    @Autowired ApiTokens tokens;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    CompanyAccess owner;
    final Map<Role, String> tokenOf = new EnumMap<>(Role.class);
    String outsiderToken;

    @BeforeEach
    void people() {
        owner = Fixtures.company(tenancy, BusinessType.PROFESSIONAL_SERVICES);
        tokenOf.put(Role.OWNER, tokens.create(owner.user().orElseThrow(), "t").token());
        for (Role role : List.of(Role.ACCOUNTANT, Role.VIEWER)) {
            tokenOf.put(role, tokens.create(Fixtures.member(tenancy, owner, role).user().orElseThrow(), "t").token());
        }
        CompanyAccess other = Fixtures.company(tenancy, BusinessType.RETAIL);
        outsiderToken = tokens.create(other.user().orElseThrow(), "t").token();
    }

    record Route(HttpMethod method, String pattern, HandlerMethod handler) {
    }

    List<Route> companyRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/companies/{companyId}")) {
                    continue;
                }
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    routes.add(new Route(method.asHttpMethod(), pattern, e.getValue()));
                }
            }
        }
        return routes;
    }

    @Test
    void every_company_endpoint_declares_its_role_and_enforces_it_for_everyone() throws Exception {
        List<Route> routes = companyRoutes();
        assertThat(routes).hasSizeGreaterThan(15);
        for (Route route : routes) {
            RequiresRole required = route.handler().getMethodAnnotation(RequiresRole.class);
            assertThat(required).as("@RequiresRole on %s %s", route.method(), route.pattern()).isNotNull();
            String url = route.pattern().replace("{companyId}", owner.companyId().toString())
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());

            assertThat(call(route.method(), url, null).getResponse().getStatus())
                    .as("anonymous %s %s", route.method(), url).isEqualTo(401);
            MvcResult outsider = call(route.method(), url, outsiderToken);
            assertThat(outsider.getResponse().getStatus()).as("outsider %s %s", route.method(), url).isEqualTo(404);
            assertThat(outsider.getResponse().getContentAsString()).contains("company.not_found");

            for (Role role : Role.values()) {
                MvcResult result = call(route.method(), url, tokenOf.get(role));
                int status = result.getResponse().getStatus();
                String body = result.getResponse().getContentAsString();
                if (role.includes(required.value())) {
                    assertThat(status).as("%s may %s %s: %s", role, route.method(), url, body).isNotIn(401, 403);
                    assertThat(body).as("%s %s %s", role, route.method(), url).doesNotContain("company.not_found");
                } else {
                    assertThat(status).as("%s may not %s %s", role, route.method(), url).isEqualTo(403);
                    assertThat(body).contains("role.insufficient");
                }
            }
        }
    }

    @Test
    void a_malformed_company_id_is_simply_not_found() throws Exception {
        assertThat(call(HttpMethod.GET, "/api/v1/companies/not-a-uuid/accounts", tokenOf.get(Role.OWNER))
                .getResponse().getStatus()).isEqualTo(404);
    }

    private MvcResult call(HttpMethod method, String url, String token) throws Exception {
        var request = request(method, url).contentType(MediaType.APPLICATION_JSON).content("{}");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn();
    }
}

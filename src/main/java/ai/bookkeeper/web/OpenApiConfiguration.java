package ai.bookkeeper.web;

import ai.bookkeeper.tenancy.CompanyAccess;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} and its browsable UI at {@code /swagger-ui.html}. {@link CompanyAccess}
 * is resolved from the path and the signed-in user, never sent by clients, so it is left out of the document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CompanyAccess.class);
    }

    @Bean
    OpenAPI bookkeeperOpenApi() {
        return new OpenAPI()
                .info(new Info().title("AI Bookkeeper API").version("v1").description("Multi-tenant bookkeeping: import"
                        + " bank statements, categorize, review, reconcile, report. Sign in with POST /api/v1/auth/login"
                        + " (session cookie; send the XSRF-TOKEN cookie back as X-XSRF-TOKEN on changes) or use a personal"
                        + " API token as 'Authorization: Bearer bk_…' (POST /api/v1/tokens). Errors are RFC 9457"
                        + " problem details."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token from POST /api/v1/tokens"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}

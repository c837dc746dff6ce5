package ai.bookkeeper.web;

import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.Tenancy;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The whole HTTP security policy in one place: who may call what, CSRF for cookie sessions, security headers, CORS.
 * Company-level rules (membership, role) are enforced per endpoint by {@link CompanyAccessInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(WebProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ApiTokens tokens, Tenancy tenancy, ProblemWriter problems,
                                    SecurityContextRepository contexts, WebProperties properties) throws Exception {
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/healthz", "/api/v1/auth/login", "/login", "/error", "/favicon.ico",
                                "/assets/**", "/webjars/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/prometheus", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .securityContext(sc -> sc.securityContextRepository(contexts))
                .addFilterBefore(new ApiTokenFilter(tokens, tenancy, problems), UsernamePasswordAuthenticationFilter.class)
                // cookie sessions get a CSRF token (cookie XSRF-TOKEN, echoed in header X-XSRF-TOKEN); token-authenticated
                // scripts send no cookies, so CSRF can't reach them. The JSON login needs no token: a cross-site form
                // can't send application/json without a CORS preflight, which the CORS policy refuses.
                .csrf(csrf -> csrf.spa()
                        .requireCsrfProtectionMatcher(SecurityConfiguration::sessionBoundChange)
                        .ignoringRequestMatchers(ApiTokenFilter::hasBearer,
                                request -> "/api/v1/auth/login".equals(request.getRequestURI())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)
                                .requestMatcher(AnyRequestMatcher.INSTANCE))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .cors(cors -> cors.configurationSource(cors(properties)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (request.getRequestURI().startsWith("/api/")) {
                                problems.write(response, 401, "auth.required", "Sign in first: POST /api/v1/auth/login,"
                                        + " or send a personal API token as 'Authorization: Bearer bk_…'.");
                            } else {
                                response.sendRedirect("/login");
                            }
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(response, 403, "auth.denied",
                                e.getMessage() != null && e.getMessage().toLowerCase().contains("csrf")
                                        ? "The CSRF token is missing or stale; send the XSRF-TOKEN cookie's value in the"
                                        + " X-XSRF-TOKEN header (reload the page to get a fresh one)."
                                        : "You may not do this.")))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    /** A state-changing request that rides on a session cookie: the only kind a cross-site page could forge. */
    private static boolean sessionBoundChange(jakarta.servlet.http.HttpServletRequest request) {
        return !java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && request.getSession(false) != null;
    }

    private static UrlBasedCorsConfigurationSource cors(WebProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.allowedOrigins().isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(properties.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-XSRF-TOKEN", "If-Match",
                    RequestIdFilter.HEADER));
            config.setExposedHeaders(List.of("Location", "Retry-After", RequestIdFilter.HEADER, "Idempotent-Replayed"));
            config.setAllowCredentials(true);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }
}

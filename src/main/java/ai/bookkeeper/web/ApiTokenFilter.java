package ai.bookkeeper.web;

import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a request that carries {@code Authorization: Bearer bk_…}; a bad token is a 401, never a fallback. */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Tenancy tenancy;
    private final ProblemWriter problems;

    ApiTokenFilter(ApiTokens tokens, Tenancy tenancy, ProblemWriter problems) {
        this.tokens = tokens;
        this.tenancy = tenancy;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.authenticate(request.getHeader("Authorization").substring(7).strip())
                .flatMap(tenancy::user);
        if (user.isEmpty()) {
            problems.write(response, 401, "auth.token.invalid",
                    "The API token is unknown, revoked or malformed; create a new one under /api/v1/tokens.");
            return;
        }
        var principal = new AuthenticatedUser(user.get().id(), user.get().email(), true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

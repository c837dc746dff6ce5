package ai.bookkeeper.web;

import ai.bookkeeper.tenancy.ApiTokens;
import ai.bookkeeper.tenancy.Membership;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.tenancy.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in with a session cookie, the signed-in user, and personal API tokens. */
@RestController
@RequestMapping("/api/v1")
@Validated
class AuthController {

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    record CompanySummary(String id, String name, String businessType, String currency, String role) {
        static CompanySummary of(Membership m) {
            return new CompanySummary(m.company().id().toString(), m.company().name(), m.company().businessType().name(),
                    m.company().currency().value(), m.role().name());
        }
    }

    record Me(String id, String email, String displayName, List<CompanySummary> companies) {
    }

    record TokenRequest(@Size(max = 100) String name) {
    }

    private final Tenancy tenancy;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;
    private final ProblemWriter problems;

    AuthController(Tenancy tenancy, ApiTokens tokens, LoginThrottle throttle, SecurityContextRepository contexts,
                   ProblemWriter problems) {
        this.tenancy = tenancy;
        this.tokens = tokens;
        this.throttle = throttle;
        this.contexts = contexts;
        this.problems = problems;
    }

    @PostMapping("/auth/login")
    ResponseEntity<Me> login(@RequestBody @Validated LoginRequest body, HttpServletRequest request,
                             HttpServletResponse response) throws java.io.IOException {
        String address = request.getRemoteAddr();
        OptionalLong wait = throttle.retryAfter(body.email(), address);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            problems.write(response, 429, "auth.throttled", "Too many failed sign-ins from here; try again in "
                    + wait.getAsLong() + " seconds.");
            return null;
        }
        var user = tenancy.authenticate(body.email(), body.password());
        if (user.isEmpty()) {
            throttle.failed(body.email(), address);
            problems.write(response, 401, "auth.failed", "The email or the password is wrong.");
            return null;
        }
        throttle.succeeded(body.email(), address);
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // a fresh session id on every sign-in: no session fixation
        }
        request.getSession(true);
        var principal = new AuthenticatedUser(user.get().id(), user.get().email(), false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(me(user.get()));
    }

    @PostMapping("/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @GetMapping("/me")
    Me me() {
        return me(tenancy.user(CurrentUser.id()).orElseThrow(CurrentUser.NotSignedIn::new));
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> tokens() {
        return tokens.list(CurrentUser.id());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.CreatedToken createToken(@RequestBody @Validated TokenRequest body) {
        return tokens.create(CurrentUser.id(), body.name());
    }

    @DeleteMapping("/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID tokenId) {
        tokens.revoke(CurrentUser.id(), tokenId);
    }

    private Me me(User user) {
        return new Me(user.id().toString(), user.email(), user.displayName(),
                tenancy.companiesOf(user.id()).stream().map(CompanySummary::of).toList());
    }
}

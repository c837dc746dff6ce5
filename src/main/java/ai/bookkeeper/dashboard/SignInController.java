package ai.bookkeeper.dashboard;

import ai.bookkeeper.tenancy.Membership;
import ai.bookkeeper.tenancy.Tenancy;
import ai.bookkeeper.web.AuthenticatedUser;
import ai.bookkeeper.web.CurrentUser;
import ai.bookkeeper.web.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in by form, sign-out, and the company selector. Sign-in is the JSON API's (same throttle, a fresh session
 * id, the security context saved in the session), for browsers without script.
 */
@Controller
class SignInController {

    private final Tenancy tenancy;
    private final LoginThrottle throttle;
    private final SecurityContextRepository contexts;

    SignInController(Tenancy tenancy, LoginThrottle throttle, SecurityContextRepository contexts) {
        this.tenancy = tenancy;
        this.throttle = throttle;
        this.contexts = contexts;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/app";
    }

    @GetMapping("/login")
    String loginPage() {
        return "dashboard/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        model.addAttribute("email", email);
        OptionalLong wait = throttle.retryAfter(email, address);
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            model.addAttribute("error", "Too many failed sign-ins from here; try again in " + wait.getAsLong() + " seconds.");
            return "dashboard/login";
        }
        java.util.Optional<ai.bookkeeper.tenancy.User> user;
        try {
            user = email.isBlank() || password.isEmpty() ? java.util.Optional.empty() : tenancy.authenticate(email, password);
        } catch (ai.bookkeeper.shared.BusyException busy) {
            // the form again, with the email kept, rather than the generic error page
            ai.bookkeeper.web.Rejections.apply(busy, response);
            model.addAttribute("error", busy.getMessage());
            return "dashboard/login";
        }
        if (user.isEmpty()) {
            throttle.failed(email, address);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "The email or the password is wrong.");
            return "dashboard/login";
        }
        throttle.succeeded(email, address);
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
        return "redirect:/app";
    }

    @PostMapping("/app/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?signedOut";
    }

    /** The companies the user is a member of; with exactly one, straight to its overview. */
    @GetMapping("/app")
    String companies(Model model) {
        List<Membership> companies = tenancy.companiesOf(CurrentUser.id());
        if (companies.size() == 1) {
            return "redirect:/app/companies/" + companies.get(0).company().id();
        }
        model.addAttribute("companies", companies);
        model.addAttribute("userEmail", CurrentUser.principal().email());
        return "dashboard/companies";
    }

    /** The selector in the page header: a GET form, so it works without script. */
    @GetMapping("/app/switch")
    String switchCompany(@RequestParam String company) {
        // the target page checks the membership; here only the shape of the id matters
        return "redirect:/app/companies/" + ai.bookkeeper.shared.CompanyId.parse(company);
    }
}

package ai.bookkeeper.web;

import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.shared.UserId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static UserId id() {
        return principal().id();
    }

    public static AuthenticatedUser principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
            throw new NotSignedIn();
        }
        return user;
    }

    /** No signed-in user: 401. */
    static final class NotSignedIn extends BookkeeperException {
        NotSignedIn() {
            super("auth.required", "Sign in first: POST /api/v1/auth/login, or send a personal API token as"
                    + " 'Authorization: Bearer bk_…'.");
        }

        @Override
        public Kind kind() {
            return Kind.UNAUTHENTICATED;
        }
    }
}

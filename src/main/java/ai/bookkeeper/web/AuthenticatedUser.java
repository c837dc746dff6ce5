package ai.bookkeeper.web;

import ai.bookkeeper.shared.UserId;
import java.io.Serializable;
import java.security.Principal;

/** The principal of a signed-in request: by session cookie (browser) or personal API token (script). */
public record AuthenticatedUser(UserId id, String email, boolean viaToken) implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }
}

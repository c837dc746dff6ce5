package ai.bookkeeper.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP policy in one place.
 *
 * @param allowedOrigins origins allowed to call the API from a browser (CORS); empty: same origin only
 */
@ConfigurationProperties("bookkeeper.web")
public record WebProperties(List<String> allowedOrigins) {
    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}

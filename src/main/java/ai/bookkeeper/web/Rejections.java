package ai.bookkeeper.web;

import ai.bookkeeper.shared.BookkeeperException;
import ai.bookkeeper.shared.BusyException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** How a rejection maps to HTTP, for the API's problem details and the dashboard's pages alike. */
public final class Rejections {

    private Rejections() {
    }

    public static HttpStatus status(BookkeeperException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** Sets the response's status and, for a {@link BusyException}, its {@code Retry-After}. */
    public static HttpStatus apply(BookkeeperException e, HttpServletResponse response) {
        HttpStatus status = status(e);
        response.setStatus(status.value());
        if (e instanceof BusyException busy) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
        }
        return status;
    }
}

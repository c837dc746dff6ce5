package ai.bookkeeper.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body over {@code bookkeeper.web.max-json-bytes} (1 MB by default) with 413 before anything
 * parses it, so that a huge string, number or array can't tie up memory and CPU in Jackson. A declared
 * Content-Length is checked at once; a chunked body is read up to the limit and refused when it goes past.
 * Uploads (multipart) have their own limits and pass untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final long maxBytes;

    JsonBodyLimitFilter(ProblemWriter problems, @Value("${bookkeeper.web.max-json-bytes:1048576}") long maxBytes) {
        this.problems = problems;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        String mediaType = type.toLowerCase(Locale.ROOT);
        int semicolon = mediaType.indexOf(';');
        mediaType = (semicolon >= 0 ? mediaType.substring(0, semicolon) : mediaType).strip();
        return !(mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, declared + " bytes");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            refuse(response, "more than " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response, String size) throws IOException {
        problems.write(response, 413, "request.too_large", "The JSON body has " + size + ", over the limit of "
                + maxBytes + " bytes; send less per request (page or split it), or upload a file instead.");
    }
}

package ai.bookkeeper.web;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.Timestamps;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept; the same key with the
 * same request replays that answer and creates nothing; the same key with another request is refused (422); a
 * retry while the first is still running gets 409. Keys are per user. The claim is an insert that the primary key
 * makes atomic, so two simultaneous retries can't both run. An upload (multipart) is compared by its parsed parts.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final ProblemWriter problems;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, ProblemWriter problems, Clock clock) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        Optional<AuthenticatedUser> user = user();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(response, 400, "idempotency.key", "An Idempotency-Key has 1 to " + MAX_KEY_LENGTH + " characters.");
            return;
        }
        HttpServletRequest forward;
        String hash;
        if (isMultipart(request)) {
            // an upload: hash the parsed parts and leave the body to the container, which parses it (once) with its
            // size limits; reading the raw stream here would leave nothing for the parts
            Optional<String> parts = hashParts(request);
            if (parts.isEmpty()) {
                chain.doFilter(request, response); // unreadable or too large: the controller advice answers with a problem
                return;
            }
            hash = parts.get();
            forward = request;
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            hash = hash(request, body);
            forward = new BufferedBodyRequest(request, body);
        }
        Object userId = Keys.bind(user.get().id());
        int claimed = jdbc.sql("INSERT INTO idempotency_record (user_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (user_id, idem_key) DO NOTHING")
                .params(userId, key, hash, Timestamps.format(clock.instant()))
                .update();
        if (claimed == 0) {
            replay(userId, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(forward, captured);
        } finally {
            if (captured.getStatus() >= 500) {
                // a failure on our side is not an answer worth keeping: let the client retry with the same key
                jdbc.sql("DELETE FROM idempotency_record WHERE user_id = ? AND idem_key = ?").params(userId, key).update();
            } else {
                jdbc.sql("UPDATE idempotency_record SET status = ?, content_type = ?, body = ?, location = ?"
                                + " WHERE user_id = ? AND idem_key = ?")
                        .params(captured.getStatus(), captured.getContentType(),
                                new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8),
                                captured.getHeader(HttpHeaders.LOCATION), userId, key)
                        .update();
            }
            captured.copyBodyToResponse();
        }
    }

    private void replay(Object userId, String key, String hash, HttpServletResponse response) throws IOException {
        record Stored(String hash, Integer status, String contentType, String body, String location) {
        }
        Stored stored = jdbc.sql("SELECT request_hash, status, content_type, body, location FROM idempotency_record"
                        + " WHERE user_id = ? AND idem_key = ?")
                .params(userId, key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2) == null ? null : rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
        if (!stored.hash().equals(hash)) {
            problems.write(response, 422, "idempotency.key.reused", "This Idempotency-Key was used for a different"
                    + " request; use a new key for a new request.");
        } else if (stored.status() == null) {
            problems.write(response, 409, "idempotency.in_progress", "A request with this Idempotency-Key is still"
                    + " running; retry in a moment to get its answer.");
        } else {
            response.setStatus(stored.status());
            response.setHeader("Idempotent-Replayed", "true");
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.body() != null) {
                response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Optional<AuthenticatedUser> user() {
        try {
            return Optional.of(CurrentUser.principal());
        } catch (RuntimeException notSignedIn) {
            return Optional.empty();
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        MessageDigest digest = digest(request);
        digest.update(body);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /**
     * The hash of every part in the order sent: its name, file name, content type and bytes, each length-prefixed so
     * that no two different uploads hash alike. Empty when the container can't parse the parts.
     */
    private static Optional<String> hashParts(HttpServletRequest request) {
        MessageDigest digest = digest(request);
        try {
            for (Part part : request.getParts()) {
                for (String field : new String[] {part.getName(), part.getSubmittedFileName(), part.getContentType()}) {
                    byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                    digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                    digest.update(bytes);
                }
                digest.update(java.nio.ByteBuffer.allocate(8).putLong(part.getSize()).array());
                try (InputStream in = part.getInputStream();
                     DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                    in.transferTo(out);
                }
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest digest(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

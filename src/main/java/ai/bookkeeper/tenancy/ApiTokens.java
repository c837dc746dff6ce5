package ai.bookkeeper.tenancy;

import ai.bookkeeper.platform.Keys;
import ai.bookkeeper.shared.Ids;
import ai.bookkeeper.shared.NotFoundException;
import ai.bookkeeper.shared.Timestamps;
import ai.bookkeeper.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens for scripts: {@code bk_<token id>_<secret>}. Only a SHA-256 of the secret is stored (the
 * secret has 256 random bits, so a slow hash adds nothing); the whole token is shown once, at creation.
 */
@Service
public class ApiTokens {

    /** A token as listed: never the secret. */
    public record TokenInfo(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A new token: {@code token} is shown to its owner once. */
    public record CreatedToken(TokenInfo info, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CreatedToken create(UserId user, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        UUID id = Ids.newId(clock);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO api_token (id, user_id, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(Keys.bind(id), Keys.bind(user), label, sha256(secretText), Timestamps.format(now))
                .update();
        return new CreatedToken(new TokenInfo(id, label, now, null, null),
                "bk_" + id.toString().replace("-", "") + "_" + secretText);
    }

    /** The user a presented token belongs to, if it is well formed, known, unrevoked and its secret matches. */
    public Optional<UserId> authenticate(String token) {
        if (token == null || !token.startsWith("bk_") || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("_", 3);
        if (parts.length != 3 || parts[1].length() != 32) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(parts[1].replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        record Row(String userId, String hash) {
        }
        Optional<Row> row = jdbc.sql("SELECT user_id, secret_hash FROM api_token WHERE id = ? AND revoked_at IS NULL")
                .param(Keys.bind(id))
                .query((rs, n) -> new Row(Keys.text(rs, 1), rs.getString(2)))
                .optional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().hash().getBytes(StandardCharsets.US_ASCII),
                sha256(parts[2]).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .params(Timestamps.format(clock.instant()), Keys.bind(id)).update();
        return Optional.of(new UserId(UUID.fromString(row.get().userId())));
    }

    public List<TokenInfo> list(UserId user) {
        return jdbc.sql("SELECT id, name, created_at, last_used_at, revoked_at FROM api_token WHERE user_id = ? ORDER BY created_at")
                .param(Keys.bind(user))
                .query((rs, n) -> new TokenInfo(Keys.get(rs, 1), rs.getString(2),
                        Timestamps.parse(rs.getString(3)), Timestamps.parse(rs.getString(4)), Timestamps.parse(rs.getString(5))))
                .list();
    }

    public void revoke(UserId user, UUID tokenId) {
        int updated = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(Timestamps.format(clock.instant()), Keys.bind(tokenId), Keys.bind(user))
                .update();
        if (updated == 0) {
            throw new NotFoundException("token.not_found", "No active token " + tokenId + " of yours.");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

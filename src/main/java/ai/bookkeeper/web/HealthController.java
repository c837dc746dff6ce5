package ai.bookkeeper.web;

import ai.bookkeeper.platform.DatabaseEngine;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /healthz}: 200 when the database answers a query, 503 when it doesn't. */
@RestController
class HealthController {

    private final JdbcTemplate jdbc;
    private final DatabaseEngine engine;

    HealthController(JdbcTemplate jdbc, DatabaseEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    @GetMapping("/healthz")
    ResponseEntity<Map<String, String>> health() {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history", Integer.class);
            return ResponseEntity.ok(Map.of("status", "UP", "database", engine.name().toLowerCase(java.util.Locale.ROOT)));
        } catch (RuntimeException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "DOWN", "database", "unreachable"));
        }
    }
}

package ai.bookkeeper.testing;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of tests that run the application against the run's real database (SQLite or PostgreSQL). */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest
public abstract class DatabaseIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("bookkeeper.db.url", TestDatabase::url);
        registry.add("bookkeeper.db.user", TestDatabase::user);
        registry.add("bookkeeper.db.password", TestDatabase::password);
    }
}

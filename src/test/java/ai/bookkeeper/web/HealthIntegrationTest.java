package ai.bookkeeper.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.bookkeeper.platform.DatabaseEngine;
import ai.bookkeeper.testing.DatabaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

@AutoConfigureMockMvc
class HealthIntegrationTest extends DatabaseIntegrationTest {

    @Autowired MockMvc mvc;

    @Test
    void healthz_answers_200_when_the_database_answers() throws Exception {
        mvc.perform(get("/healthz")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void healthz_answers_503_when_the_database_cannot_be_reached() throws Exception {
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/nowhere");
        MockMvc isolated = MockMvcBuilders.standaloneSetup(
                new HealthController(new JdbcTemplate(unreachable), DatabaseEngine.POSTGRESQL)).build();
        isolated.perform(get("/healthz")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value("DOWN"));
    }
}

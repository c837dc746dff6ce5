package ai.bookkeeper.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an RFC 9457 problem where no controller is involved (security filters). */
@Component
class ProblemWriter {

    private final JsonMapper json = JsonMapper.builder().build();

    void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://aibookkeeper.dev/errors/" + code);
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}

package ai.bookkeeper.categorize;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible LLM tier ({@code bookkeeper.llm.*}). Unset {@code base-url} means no LLM: the offline
 * heuristic answers instead. Works with OpenAI ({@code https://api.openai.com/v1}) and local servers that speak
 * the same chat-completions API with tool calling (Ollama {@code http://127.0.0.1:11434/v1}, vLLM, llama.cpp).
 *
 * @param baseUrl           the URL that {@code /chat/completions} is appended to; null disables the LLM tier
 * @param apiKey            sent as a Bearer token; may be null for local servers
 * @param timeout           per HTTP attempt
 * @param maxRetries        further attempts after a 429, a 5xx, a timeout or a malformed reply
 * @param initialBackoff    first wait between attempts, doubled each time (a Retry-After header wins, up to maxBackoff)
 * @param concurrency       requests in flight at once
 * @param requestsPerMinute at most this many requests started per minute (0 = unlimited)
 * @param maxConfidence     cap on an uncorroborated LLM answer; keep it below every auto-approval threshold
 */
@ConfigurationProperties("bookkeeper.llm")
public record LlmProperties(String baseUrl, String model, String apiKey, Duration timeout, Integer maxRetries,
                            Duration initialBackoff, Duration maxBackoff, Integer concurrency, Integer requestsPerMinute,
                            BigDecimal maxConfidence) {

    public LlmProperties {
        model = model == null || model.isBlank() ? "gpt-4o-mini" : model;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxRetries = maxRetries == null ? 3 : maxRetries;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        concurrency = concurrency == null ? 4 : Math.max(1, concurrency);
        requestsPerMinute = requestsPerMinute == null ? 0 : requestsPerMinute;
        maxConfidence = maxConfidence == null ? new BigDecimal("0.80") : maxConfidence;
    }

    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}

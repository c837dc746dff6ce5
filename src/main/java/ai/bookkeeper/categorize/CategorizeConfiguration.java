package ai.bookkeeper.categorize;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The LLM tier: OpenAI-compatible when {@code bookkeeper.llm.base-url} is set, else the offline heuristic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class CategorizeConfiguration {

    @Bean
    @ConditionalOnExpression("'${bookkeeper.llm.base-url:}' != ''")
    LlmProvider openAiCompatibleProvider(LlmProperties properties) {
        return new OpenAiCompatibleProvider(properties);
    }

    @Bean
    @ConditionalOnMissingBean(LlmProvider.class)
    LlmProvider offlineHeuristicProvider() {
        return new OfflineHeuristicProvider();
    }
}

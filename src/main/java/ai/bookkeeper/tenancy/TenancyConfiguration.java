package ai.bookkeeper.tenancy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordProperties.class)
class TenancyConfiguration {

    @Bean
    PasswordHashing passwordHashing(PasswordProperties properties) {
        return new PasswordHashing(properties);
    }
}

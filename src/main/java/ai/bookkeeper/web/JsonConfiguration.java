package ai.bookkeeper.web;

import ai.bookkeeper.shared.CompanyId;
import ai.bookkeeper.shared.CurrencyCode;
import ai.bookkeeper.shared.Money;
import ai.bookkeeper.shared.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How domain values look in JSON: money as {@code {"amount": 12.50, "currency": "USD"}} (an exact decimal, never a
 * float), currencies and ids as plain strings.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    SimpleModule bookkeeperJsonModule() {
        SimpleModule module = new SimpleModule("bookkeeper");
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeStartObject();
                gen.writeName("amount");
                gen.writeNumber(value.toDecimal());
                gen.writeStringProperty("currency", value.currency().value());
                gen.writeEndObject();
            }
        });
        module.addSerializer(CurrencyCode.class, new ValueSerializer<>() {
            @Override
            public void serialize(CurrencyCode value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.value());
            }
        });
        module.addSerializer(CompanyId.class, new ValueSerializer<>() {
            @Override
            public void serialize(CompanyId value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toString());
            }
        });
        module.addSerializer(UserId.class, new ValueSerializer<>() {
            @Override
            public void serialize(UserId value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toString());
            }
        });
        return module;
    }
}

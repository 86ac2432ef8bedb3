package org.junheng.service;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What every JSON request body of every service must be, checked once while it is read, so that nothing a client
 * sends reaches the database to fail there as a 500: no text after the JSON value; no NUL character or lone surrogate
 * in any string (PostgreSQL refuses both); no {@code null} inside a list; dates between {@link Dates#EARLIEST} and
 * {@link Dates#LATEST}. A refusal is a 400 problem naming the field ({@link ProblemMappers#unreadableJson}).
 */
@Singleton
public class RequestBodyPolicy implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
            mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        SimpleModule module = new SimpleModule("junheng-request-body-policy");
        module.addDeserializer(String.class, new CleanString());
        module.setDeserializerModifier(new BoundedDates());
        mapper.registerModule(module);
    }

    /** A string as sent, unless it holds what no column can store. */
    static final class CleanString extends StdScalarDeserializer<String> {
        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance
                    .deserialize(parser, context);
            String problem = Text.problem(value);
            if (problem != null) {
                throw InvalidFormatException.from(parser, problem, value, String.class);
            }
            return value;
        }
    }

    /**
     * Wraps whatever deserializer Jackson picks for a date or moment (the JavaTimeModule's, or one a property's
     * {@code @JsonFormat} makes from it), so the range holds however it is configured.
     */
    static final class BoundedDates extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class
                    ? new InRange(deserializer) : deserializer;
        }
    }

    static final class InRange extends DelegatingDeserializer {
        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            boolean outOfRange = value instanceof LocalDate date ? Dates.outOfRange(date)
                    : value instanceof Instant instant ? Dates.outOfRange(instant)
                    : value instanceof OffsetDateTime time && Dates.outOfRange(time.toInstant());
            if (outOfRange) {
                throw InvalidFormatException.from(parser, Dates.RANGE, value.toString(), value.getClass());
            }
            return value;
        }
    }
}

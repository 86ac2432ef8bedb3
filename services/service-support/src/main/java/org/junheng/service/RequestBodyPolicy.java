package org.junheng.service;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
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
        module.addDeserializer(LocalDate.class, new BoundedLocalDate());
        module.addDeserializer(Instant.class, new BoundedInstant());
        module.addDeserializer(OffsetDateTime.class, new BoundedOffsetDateTime());
        // registered after the JavaTimeModule, so these take precedence
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

    static final class BoundedLocalDate extends LocalDateDeserializer {
        BoundedLocalDate() {
            super(LocalDateDeserializer.INSTANCE, (Boolean) null);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = super.deserialize(parser, context);
            if (date != null && Dates.outOfRange(date)) {
                throw InvalidFormatException.from(parser, Dates.RANGE, date.toString(), LocalDate.class);
            }
            return date;
        }
    }

    static final class BoundedInstant extends InstantDeserializer<Instant> {
        BoundedInstant() {
            super(InstantDeserializer.INSTANT, (Boolean) null);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Instant instant = super.deserialize(parser, context);
            if (instant != null && Dates.outOfRange(instant)) {
                throw InvalidFormatException.from(parser, Dates.RANGE, instant.toString(), Instant.class);
            }
            return instant;
        }
    }

    static final class BoundedOffsetDateTime extends InstantDeserializer<OffsetDateTime> {
        BoundedOffsetDateTime() {
            super(InstantDeserializer.OFFSET_DATE_TIME, (Boolean) null);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            OffsetDateTime time = super.deserialize(parser, context);
            if (time != null && Dates.outOfRange(time.toInstant())) {
                throw InvalidFormatException.from(parser, Dates.RANGE, time.toString(), OffsetDateTime.class);
            }
            return time;
        }
    }
}

package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body policy on a bare mapper: each refusal names the field the client sent. */
class RequestBodyPolicyTest {

    record Body(String name, List<String> tags, LocalDate day, Instant at, OffsetDateTime when) {
    }

    private final ObjectMapper mapper = policy();

    private static ObjectMapper policy() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new RequestBodyPolicy().customize(mapper);
        return mapper;
    }

    private String refusedField(String json) {
        JsonMappingException refused = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, Body.class));
        return refused.getPath().isEmpty() ? "" : refused.getPath().get(refused.getPath().size() - 1).getFieldName();
    }

    @Test
    void aValidBodyReadsAsSent() throws Exception {
        Body body = mapper.readValue("""
                {"name": "实验小学", "tags": ["a"], "day": "2025-03-31", "at": "2025-03-31T04:00:00Z",
                 "when": "2025-03-31T12:00:00+08:00"}""", Body.class);
        assertEquals("实验小学", body.name());
        assertEquals(Instant.parse("2025-03-31T04:00:00Z"), body.when().toInstant());
    }

    @Test
    void textNoColumnCanStoreIsRefused() {
        assertEquals("name", refusedField("{\"name\": \"a\\u0000b\"}"));
        assertEquals("name", refusedField("{\"name\": \"a\\ud83db\"}"));
    }

    @Test
    void aNullInsideAListIsRefused() {
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"tags\": [\"a\", null]}", Body.class));
    }

    @Test
    void datesAndMomentsOutsideTheRangeAreRefusedWhateverTheirType() {
        assertEquals("day", refusedField("{\"day\": \"+999999999-12-31\"}"));
        assertEquals("day", refusedField("{\"day\": \"1899-12-31\"}"));
        assertEquals("at", refusedField("{\"at\": \"+100000-01-01T00:00:00Z\"}"));
        assertEquals("at", refusedField("{\"at\": \"2201-01-01T00:00:00Z\"}"));
        assertEquals("when", refusedField("{\"when\": \"1800-01-01T00:00:00+08:00\"}"));
    }

    @Test
    void textAfterTheValueIsRefused() {
        Exception refused = assertThrows(Exception.class, () -> mapper.readValue("{\"name\": \"a\"} {}", Body.class));
        assertTrue(refused.getMessage().contains("Trailing token"), refused.getMessage());
    }
}

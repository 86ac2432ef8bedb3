package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.UUID;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

    record Body(LocalDate dueDate, UUID taskId, Integer percent, NoticeSeverity severity) {
    }

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    static String problem(String json) {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue(json, Body.class));
        return JsonProblems.describe(failure);
    }

    @Test
    void eachWrongValueSaysWhatTheFieldTakesInWords() {
        assertEquals("“2025-02-30”不是日期，须为 年-月-日，如 2025-03-31 (a date, e.g. 2025-03-31)",
                problem("{\"dueDate\": \"2025-02-30\"}"));
        assertTrue(problem("{\"taskId\": \"abc\"}").startsWith("“abc”不是编号，须为 UUID"));
        assertEquals("“half”不是整数 (a whole number)", problem("{\"percent\": \"half\"}"));
        assertEquals("“URGENT”不是可选值；可选值 (allowed): INFO（一般）、WARNING（警示）、CRITICAL（严重）",
                problem("{\"severity\": \"URGENT\"}"));
        // what people type in Chinese gets the same words, not the parser's
        assertEquals("“2024年10月30日”不是日期，须为 年-月-日，如 2025-03-31 (a date, e.g. 2025-03-31)",
                problem("{\"dueDate\": \"2024年10月30日\"}"));
        assertTrue(problem("{\"severity\": \"严重\"}").startsWith("“严重”不是可选值"));
    }

    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME,
            property = "type")
    @com.fasterxml.jackson.annotation.JsonSubTypes({
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(AddTeachers.class),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(AddRoom.class)})
    interface Change {
    }

    record AddTeachers(int number) implements Change {
    }

    record AddRoom(int area) implements Change {
    }

    @Test
    void anUnknownKindOfChangeListsTheKindsWithoutClassNames() {
        JsonProcessingException failure = assertThrows(JsonProcessingException.class,
                () -> JSON.readValue("{\"type\": \"AddPool\"}", Change.class));
        assertEquals("未知的类型“AddPool” (unknown type)；可用类型 (allowed): AddRoom、AddTeachers",
                JsonProblems.describe(failure));
    }

    @Test
    void brokenJsonSaysWhere() {
        assertEquals("JSON格式错误，第2行第13列 (malformed JSON at line 2, column 13)",
                problem("{\"percent\": 1,\n \"dueDate\": }"));
    }
}

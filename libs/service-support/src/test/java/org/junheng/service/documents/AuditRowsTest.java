package org.junheng.service.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junheng.eventsourcing.EventMetadata;
import org.junit.jupiter.api.Test;

class AuditRowsTest {

    @Test
    void aRowSaysWhenWhatWhoWhyAndWhatItCarried() throws Exception {
        var payload = new ObjectMapper().readTree("""
                {"taskId": "t-1", "reason": "现场核查仅2间投入使用", "rejectedBy": {"id": "u-ddr-03", "name": "王督学"},
                 "rounds": 1, "evidence": [1, 2], "none": null, "title": "实验小学运动场地未达标"}""");
        List<String> row = AuditRows.row(42, Instant.parse("2025-03-01T02:05:00Z"), "TaskRejected.v1", "Task-t-1",
                new EventMetadata.Actor("u-ddr-03", "supervisor", null, "王督学"), payload);
        assertEquals(List.of("42", "2025年3月1日 10:05", "核验不通过", "实验小学运动场地未达标", "王督学", "教育督导室", "",
                "现场核查仅2间投入使用", "rejectedBy=王督学; rounds=1; evidence=2项; title=实验小学运动场地未达标"), row);
        // without a name to show, the stream it belongs to
        assertEquals("Task-t-1", AuditRows.row(1, Instant.EPOCH, "TaskOverdue.v1", "Task-t-1", null,
                new ObjectMapper().readTree("{\"taskId\": \"t-1\"}")).get(3));
    }

    @Test
    void aCellASpreadsheetWouldRunIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", AuditRows.csvCell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", AuditRows.csvCell("+1"));
        assertEquals("\"实验小学\"", AuditRows.csvCell("实验小学"));
    }
}

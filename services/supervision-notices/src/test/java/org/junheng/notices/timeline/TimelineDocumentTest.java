package org.junheng.notices.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junit.jupiter.api.Test;

/** The printable record from entries as the timeline gathers them: Chinese, names, the resolving correction. */
class TimelineDocumentTest {

    private static JsonNode json(String text) throws Exception {
        return PublishedEvents.JSON.readTree(text);
    }

    private static FindingStory.Entry entry(String type, int minute, String actor, String payload) throws Exception {
        return new FindingStory.Entry("test", type, type + minute, Instant.parse("2025-03-01T02:00:00Z")
                .plusSeconds(60L * minute), actor, null, json(payload));
    }

    @Test
    void everyStepIsNamedInChineseWithPeopleAndTheCorrectionThatResolvedIt() throws Exception {
        String subject = "\"subject\": {\"level\": \"SCHOOL\", \"schoolCode\": \"2150473309\", \"schoolName\": "
                + "\"重庆市大渡口区钢花小学\"}";
        List<FindingStory.Entry> entries = List.of(
                entry("FindingRaised.v1", 0, "indicator-evaluation;system;", "{\"districtCode\": \"500104\", "
                        + "\"period\": 2024, " + subject + ", \"indicator\": \"GG13\", \"gap\": \"划片入学比例未达标\"}"),
                entry("TaskOpened.v1", 1, "rectification;system;", "{\"leadDepartment\": {\"code\": \"jw\", \"name\": "
                        + "\"区教委\"}, \"coDepartments\": [{\"code\": \"ga\", \"name\": \"区公安分局\"}], "
                        + "\"dueDate\": \"2025-03-31\"}"),
                entry("ProgressReported.v1", 2, "u-jw-17;department;jw", "{\"percentComplete\": 50, "
                        + "\"description\": null}"),
                entry("EvidenceAttached.v1", 3, "u-jw-17;department;jw;李明", "{\"evidence\": {\"name\": "
                        + "\"划片入学核查表.xlsx\"}, \"uploader\": {\"id\": \"u-jw-17\", \"name\": \"李明\"}}"),
                entry("FindingResolved.v1", 5, "indicator-evaluation;system;", "{\"districtCode\": \"500104\", "
                        + "\"period\": 2024, " + subject + ", \"basis\": \"DATA\", \"measured\": 1.0, \"required\": 1.0}"));
        TimelineDocument.DataChange correction = new TimelineDocument.DataChange("c-1", "SchoolStatisticsCorrected.v1",
                Instant.parse("2025-03-01T02:04:00Z"), "u-2150473309;school;2150473309;钢花小学填报员",
                json("{\"reason\": \"更正划片入学人数\"}"));

        String html = TimelineDocument.html(entries, Map.of("FindingResolved.v15", correction),
                Instant.parse("2025-03-02T00:00:00Z"));

        for (String expected : List.of("重庆市大渡口区钢花小学", "发现问题", "整改任务下达", "牵头单位：区教委",
                "配合单位：区公安分局", "报告整改进展", "区教委", "上传佐证材料", "划片入学核查表.xlsx", "李明",
                "学校年度统计更正", "更正划片入学人数", "钢花小学填报员（重庆市大渡口区钢花小学）", "问题销号", "系统自动",
                "核查督学（签字）")) {
            assertTrue(html.contains(expected), expected + " missing: " + html);
        }
        for (String forbidden : List.of(".v1", "u-jw-17", "department", "null")) {
            assertFalse(html.contains(forbidden), forbidden + " in " + html);
        }
        assertTrue(html.indexOf("学校年度统计更正") < html.indexOf("问题销号"));
    }

    @Test
    void thePagesPolicyAllowsItsOwnStylesheetAndNothingElse() throws Exception {
        String digest = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(TimelineDocument.STYLE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + digest + "'; frame-ancestors 'none'",
                TimelineDocument.CONTENT_SECURITY_POLICY);
        String html = TimelineDocument.html(List.of(entry("FindingRaised.v1", 0, null, "{\"gap\": \"<script>x\"}")),
                Map.of(), Instant.EPOCH);
        assertTrue(html.contains("<style>" + TimelineDocument.STYLE + "</style>"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void aProblemFromOutsideSaysItsSourceAndASummonsItsPersonReasonAndOutcome() throws Exception {
        JsonNode opened = PublishedEvents.JSON.readTree("""
                {"leadDepartment": {"code": "jw", "name": "区教委"}, "coDepartments": [], "dueDate": "2025-12-31",
                 "source": {"kind": "INSPECTION", "documentNumber": "大渡口督学〔2025〕7号", "issuedOn": "2025-05-20",
                            "item": 1}}""");
        assertEquals("来源：督学检查（大渡口督学〔2025〕7号，2025年5月20日，第1项）；牵头单位：区教委；整改期限：2025-12-31",
                TimelineDocument.content("TaskOpened.v1", opened, Map.of()));
        JsonNode summons = PublishedEvents.JSON.readTree("""
                {"kind": "INTERVIEW", "person": "王强（区教委副主任）", "date": "2025-09-15", "reason": "逾期未整改",
                 "outcome": "表态：10月底前完成"}""");
        assertEquals("约谈：王强（区教委副主任）（2025-09-15）；事由：逾期未整改；结果：表态：10月底前完成",
                TimelineDocument.content("AccountabilityRecorded.v1", summons, Map.of()));
    }
}

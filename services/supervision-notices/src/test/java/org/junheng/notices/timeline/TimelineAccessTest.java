package org.junheng.notices.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which departments may read a finding's timeline: those of its task as it stands now. */
class TimelineAccessTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTaskOpensWithItsLeadAndHelpers() throws Exception {
        assertEquals(Set.of("jw", "ga", "jz"), FindingStory.departmentsOfTheTask(List.of(raised(), opened())));
    }

    @Test
    void aReassignmentHandsTheTimelineToTheNewLeadAndTakesItFromTheOld() throws Exception {
        Set<String> departments = FindingStory.departmentsOfTheTask(List.of(raised(), opened(),
                entry("TaskReassigned.v1", "{\"fromDepartment\": {\"code\": \"jw\"}, \"toDepartment\": {\"code\": \"cz\"}}")));
        assertEquals(Set.of("cz", "ga", "jz"), departments);
    }

    @Test
    void aFindingWithoutATaskBelongsToNoDepartment() throws Exception {
        assertEquals(Set.of(), FindingStory.departmentsOfTheTask(List.of(raised())));
    }

    @Test
    void aDepartmentAndASchoolSeeOnlyTheNoticesAddressedToThemAndNoOtherDistrictsNotices() throws Exception {
        List<FindingStory.Entry> entries = List.of(raised(), opened(), notice("500104", "DEPARTMENT", "jw"),
                notice("500104", "DEPARTMENT", "ga"), notice("500104", "SUPERVISION_OFFICE", null),
                notice("500104", "DISTRICT", null), notice("500104", "SCHOOL", "2150473309"),
                notice("500199", "DISTRICT", null));
        assertEquals(List.of("FindingRaised.v1", "TaskOpened.v1", "DEPARTMENT/jw", "DISTRICT/null"),
                shapes(FindingStory.shown(entries, "500104", "jw", null)));
        assertEquals(List.of("FindingRaised.v1", "TaskOpened.v1", "DISTRICT/null", "SCHOOL/2150473309"),
                shapes(FindingStory.shown(entries, "500104", null, "2150473309")));
        // the office sees every notice of its district, none of another district
        assertEquals(7, FindingStory.shown(entries, "500104", null, null).size());
        assertEquals("500104", FindingStory.district(List.of(notice("500199", "DISTRICT", null), raised())));
    }

    private static List<String> shapes(List<FindingStory.Entry> entries) {
        return entries.stream().map(e -> e.source().equals("supervision-notices")
                ? e.event().path("audience").path("kind").asText() + "/" + (e.event().path("audience").path("code")
                .isMissingNode() ? "null" : e.event().path("audience").path("code").asText())
                : e.eventType()).toList();
    }

    private static FindingStory.Entry notice(String district, String kind, String code) throws Exception {
        String audience = code == null ? "{\"kind\": \"" + kind + "\"}"
                : "{\"kind\": \"" + kind + "\", \"code\": \"" + code + "\"}";
        JsonNode event = JSON.readTree("{\"districtCode\": \"" + district + "\", \"audience\": " + audience + "}");
        return new FindingStory.Entry("supervision-notices", "NoticeIssued.v1", java.util.UUID.randomUUID()
                .toString(), Instant.parse("2024-09-02T00:00:00Z"), null, null, event);
    }

    private static FindingStory.Entry raised() throws Exception {
        return entry("FindingRaised.v1", "{\"districtCode\": \"500104\"}");
    }

    private static FindingStory.Entry opened() throws Exception {
        return entry("TaskOpened.v1", "{\"leadDepartment\": {\"code\": \"jw\"}, \"coDepartments\": [{\"code\": \"ga\"},"
                + " {\"code\": \"jz\"}]}");
    }

    private static FindingStory.Entry entry(String type, String json) throws Exception {
        JsonNode event = JSON.readTree(json);
        return new FindingStory.Entry("indicator-evaluation", type, type + "-id", Instant.parse("2024-09-01T00:00:00Z"), null, null,
                event);
    }
}

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
        assertEquals(Set.of("jw", "ga", "jz"), TimelineResource.departmentsOfTheTask(List.of(raised(), opened())));
    }

    @Test
    void aReassignmentHandsTheTimelineToTheNewLeadAndTakesItFromTheOld() throws Exception {
        Set<String> departments = TimelineResource.departmentsOfTheTask(List.of(raised(), opened(),
                entry("TaskReassigned.v1", "{\"fromDepartment\": {\"code\": \"jw\"}, \"toDepartment\": {\"code\": \"cz\"}}")));
        assertEquals(Set.of("cz", "ga", "jz"), departments);
    }

    @Test
    void aFindingWithoutATaskBelongsToNoDepartment() throws Exception {
        assertEquals(Set.of(), TimelineResource.departmentsOfTheTask(List.of(raised())));
    }

    private static TimelineResource.Entry raised() throws Exception {
        return entry("FindingRaised.v1", "{\"districtCode\": \"500104\"}");
    }

    private static TimelineResource.Entry opened() throws Exception {
        return entry("TaskOpened.v1", "{\"leadDepartment\": {\"code\": \"jw\"}, \"coDepartments\": [{\"code\": \"ga\"},"
                + " {\"code\": \"jz\"}]}");
    }

    private static TimelineResource.Entry entry(String type, String json) throws Exception {
        JsonNode event = JSON.readTree(json);
        return new TimelineResource.Entry("test", type, type + "-id", Instant.parse("2024-09-01T00:00:00Z"), null, null,
                event);
    }
}

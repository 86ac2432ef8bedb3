package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Message keys keep the events that must stay in order on one partition. */
class PublishedEventTest {

    private final Map<String, PublishedEvent> samples = SampleEvents.all().stream()
            .collect(Collectors.toMap(event -> event.getClass().getSimpleName(), event -> event));

    @Test
    void everySampleBelongsToDadukou() {
        samples.values().forEach(event -> assertEquals(SampleEvents.DISTRICT, event.districtCode(), event.toString()));
    }

    @Test
    void schoolDataIsKeyedByDistrictAndSchoolOrCounty() {
        assertEquals("500104/2150010401", samples.get("SchoolRegistered").messageKey());
        assertEquals("500104/2150010401", samples.get("SchoolStatisticsSubmitted").messageKey());
        assertEquals("500104/2150010401", samples.get("AttestationRecorded").messageKey());
        assertEquals("500104/county", samples.get("CountyFiguresSubmitted").messageKey());
    }

    @Test
    void evaluationIsKeyedByDistrictPeriodAndFindingsByTheirId() {
        assertEquals("500104/2024", samples.get("CountyEvaluated").messageKey());
        assertEquals("500104/2024", samples.get("SchoolSectionEvaluated").messageKey());
        assertEquals(SampleEvents.SPORTS_AREA_FINDING.toString(), samples.get("FindingRaised").messageKey());
    }

    @Test
    void tasksAreKeyedByTaskIdAndNoticesByAudience() {
        assertEquals(SampleEvents.SPORTS_AREA_TASK.toString(), samples.get("TaskEscalated").messageKey());
        assertEquals("500104/DEPARTMENT/jw", samples.get("NoticeIssued").messageKey());
        assertEquals("500104/DEPARTMENT/jw", samples.get("NoticeAcknowledged").messageKey());
    }
}

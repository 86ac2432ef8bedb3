package org.junheng.rectification.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.RecognitionEvent;
import org.junheng.contracts.rectification.RecognitionEvent.Outcome;
import org.junheng.contracts.rectification.RecognitionEvent.Stage;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class RecognitionTest {

    static final Person OFFICE = new Person("u-ddr-03", "王督学");
    static final LocalDate TODAY = LocalDate.of(2028, 3, 1);
    static final DeciderSpec<Recognition.State, Recognition.Command, RecognitionEvent> ROAD =
            DeciderSpec.of(Recognition.DECIDER, Recognition.State.none("500104"));

    static Recognition.RecordStage stage(Stage stage, String date, Outcome outcome, Integer year, String document) {
        return new Recognition.RecordStage(stage, LocalDate.parse(date), outcome, year, document, null, OFFICE, TODAY);
    }

    static final Recognition.RecordStage SELF = stage(Stage.SELF_ASSESSMENT, "2025-03-01", null, null, null);
    static final Recognition.RecordStage CITY = stage(Stage.MUNICIPAL_ASSESSMENT, "2025-06-30", Outcome.PASSED, null,
            "渝教督〔2025〕12号");
    static final Recognition.RecordStage APPLY = stage(Stage.NATIONAL_APPLICATION, "2025-09-01", null, null,
            "渝府教督〔2025〕3号");
    static final Recognition.RecordStage NATION = stage(Stage.NATIONAL_RECOGNITION, "2026-05-20", Outcome.PASSED,
            null, "国教督〔2026〕8号");

    /** The events of commands decided in turn. */
    static List<RecognitionEvent> road(Recognition.Command... commands) {
        List<RecognitionEvent> events = new ArrayList<>();
        Recognition.State state = Recognition.State.none("500104");
        for (Recognition.Command command : commands) {
            List<RecognitionEvent> caused = Recognition.decide(state, command);
            events.addAll(caused);
            state = Recognition.DECIDER.fold(state, caused);
        }
        return events;
    }

    @Test
    void theRoadGoesStageByStageToRecognitionThenMonitoringEveryYear() {
        List<RecognitionEvent> events = road(SELF, CITY, APPLY, NATION,
                stage(Stage.MONITORING, "2027-04-01", Outcome.PASSED, 2026, null));
        assertEquals(5, events.size());
        Recognition.State state = Recognition.DECIDER.fold(Recognition.State.none("500104"), events);
        assertEquals(Stage.MONITORING, state.stage());
        assertTrue(state.recognised());
        ROAD.given(events).when(stage(Stage.MONITORING, "2028-02-01", Outcome.PASSED, 2027, null))
                .thenEvents(next -> assertEquals(1, next.size()));
        ROAD.given(events).when(stage(Stage.MONITORING, "2028-02-01", Outcome.PASSED, 2026, null))
                .thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void aStageCannotBeSkippedNorFollowOneNotPassed() {
        ROAD.given(road(SELF)).when(APPLY).thenRefused(Refusal.Kind.CONFLICT, "stage-out-of-order");
        var failed = stage(Stage.MUNICIPAL_ASSESSMENT, "2025-06-30", Outcome.NOT_PASSED, null, "渝教督〔2025〕12号");
        ROAD.given(road(SELF, failed)).when(APPLY).thenRefused(Refusal.Kind.CONFLICT, "stage-out-of-order");
        // assessed again, or the road taken up again from the self-assessment
        ROAD.given(road(SELF, failed)).when(CITY).thenEvents(events -> assertEquals(1, events.size()));
        ROAD.given(road(SELF, failed)).when(stage(Stage.SELF_ASSESSMENT, "2025-08-01", null, null, null))
                .thenEvents(events -> assertEquals(1, events.size()));
        ROAD.given(road(SELF, CITY, APPLY)).when(APPLY).thenRefused(Refusal.Kind.CONFLICT, "stage-out-of-order");
    }

    @Test
    void eachStageSaysWhatItNeeds() {
        Refusal refused = ROAD.given(road(SELF)).when(new Recognition.RecordStage(Stage.MUNICIPAL_ASSESSMENT,
                LocalDate.parse("2024-01-01"), null, 2024, " ", null, OFFICE, TODAY))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        List<String> fields = refused.errors().stream().map(e -> ((org.junheng.eventsourcing.decider.Violation) e)
                .field()).toList();
        assertEquals(List.of("date", "outcome", "documentNumber", "monitoringYear"), fields);
        ROAD.given().when(stage(Stage.SELF_ASSESSMENT, "2029-01-01", null, null, null))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        ROAD.given().when(stage(Stage.SELF_ASSESSMENT, "2025-01-01", Outcome.PASSED, null, null))
                .thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void aRegressionAfterRecognitionPutsItAtRiskUntilALaterYearIsPassed() {
        UUID finding = UUID.randomUUID();
        var regression = new Recognition.Regression(2027, finding, IndicatorCode.RA5, "动态监测：2025年已整改销号，2027年再次未达标");
        assertEquals(0, road(SELF, CITY, regression).stream().filter(e -> e instanceof RecognitionEvent.RecognitionAtRisk)
                .count(), "before recognition a regression is a finding");
        List<RecognitionEvent> events = road(SELF, CITY, APPLY, NATION, regression, regression);
        assertEquals(1, events.stream().filter(e -> e instanceof RecognitionEvent.RecognitionAtRisk).count(),
                "once per finding");
        Recognition.State atRisk = Recognition.DECIDER.fold(Recognition.State.none("500104"), events);
        assertTrue(atRisk.atRisk());
        var passed2027 = stage(Stage.MONITORING, "2028-02-01", Outcome.PASSED, 2027, null);
        assertFalse(Recognition.DECIDER.fold(atRisk, Recognition.decide(atRisk, passed2027)).atRisk());
        var failed2027 = stage(Stage.MONITORING, "2028-02-01", Outcome.NOT_PASSED, 2027, null);
        assertTrue(Recognition.DECIDER.fold(atRisk, Recognition.decide(atRisk, failed2027)).atRisk());
    }
}

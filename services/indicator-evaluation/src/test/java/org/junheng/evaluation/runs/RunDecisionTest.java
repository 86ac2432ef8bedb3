package org.junheng.evaluation.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.Evaluator;
import org.junheng.evaluation.engine.SampleDistrict;
import org.junheng.evaluation.engine.SchoolInput;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junit.jupiter.api.Test;

/** What a run appends, decided against the history folded from the log. */
class RunDecisionTest {

    static final DistrictEvaluation SAMPLE = Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs());

    @Test
    void aFirstRunAppendsTheFullResultsReadinessFindingsAndTheClosingEvent() {
        RunDecision.Append append = RunDecision.decide(SAMPLE, PeriodHistory.empty()).orElseThrow();

        List<EvaluationEvent> events = append.evaluationEvents();
        assertEquals(35, events.stream().filter(EvaluationEvent.SchoolSectionEvaluated.class::isInstance).count());
        assertEquals(1, events.stream().filter(EvaluationEvent.CountyEvaluated.class::isInstance).count());
        assertEquals(1, events.stream().filter(ReadinessChanged.class::isInstance).count());
        EvaluationCompleted completed = (EvaluationCompleted) events.get(events.size() - 1);
        assertEquals(19, completed.raised().size());
        assertEquals(19, completed.openFindings());
        assertEquals(19, append.findingEvents().size());
    }

    @Test
    void aReadinessWithSameFlagAndReasonsIsNotRepeated() {
        PeriodHistory history = historyAfter(RunDecision.decide(SAMPLE, PeriodHistory.empty()).orElseThrow());
        var inputs = SampleDistrict.inputs();
        // 义渡实验小学 meets everything: one more pupil moves only values, not findings
        var changed = inputs.withSchools(inputs.schools().stream().map(school -> school.schoolCode()
                .equals("2150327962") ? withOnePupilMore(school) : school).toList());
        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(), changed);
        PeriodHistory afterSecondRun = history;
        RunDecision.decide(evaluation, history).ifPresent(append -> {
            long version = afterSecondRun.evaluationVersion();
            for (EvaluationEvent event : append.evaluationEvents()) {
                afterSecondRun.applyEvaluation(roundTrip(event), ++version);
            }
        });

        assertEquals(Optional.empty(), RunDecision.decide(evaluation, afterSecondRun));
    }

    @Test
    void anItemRectifiedLastYearAndUnmetAgainIsARegressionStartingAsReopened() {
        var unmet = SAMPLE.unmetItems().get(0);
        var lastYear = new FindingEvent.FindingResolved(org.junheng.contracts.FindingIds.derive(SAMPLE.districtCode(),
                SAMPLE.period() - 1, unmet.subject(), unmet.indicator()), SAMPLE.districtCode(), SAMPLE.period() - 1,
                unmet.subject(), unmet.indicator(), org.junheng.contracts.evaluation.ResolutionBasis.DATA, null, null,
                "CN-2017");
        PeriodHistory history = PeriodHistory.empty().applyEarlierFinding(lastYear);

        RunDecision.Append append = RunDecision.decide(SAMPLE, history).orElseThrow();

        List<FindingEvent.FindingReopened> reopened = append.findingEvents().stream()
                .filter(FindingEvent.FindingReopened.class::isInstance).map(FindingEvent.FindingReopened.class::cast)
                .toList();
        assertEquals(1, reopened.size());
        assertEquals(unmet.findingId(), reopened.get(0).findingId(), "this year's id");
        assertEquals(SAMPLE.period(), reopened.get(0).period());
        assertTrue(reopened.get(0).reason().contains("动态监测"), reopened.get(0).reason());
        assertEquals(18, append.findingEvents().stream().filter(FindingEvent.FindingRaised.class::isInstance).count());
        EvaluationCompleted completed = (EvaluationCompleted) append.evaluationEvents()
                .get(append.evaluationEvents().size() - 1);
        assertEquals(List.of(unmet.findingId()), completed.reopened());

        // a finding of last year that is still open (never rectified) is no regression: a plain new finding
        var stillOpen = new FindingEvent.FindingRaised(lastYear.findingId(), lastYear.districtCode(), lastYear.period(),
                lastYear.subject(), lastYear.indicator(), null, null, "旧差距", unmet.severity(), "CN-2017");
        assertTrue(RunDecision.decide(SAMPLE, PeriodHistory.empty().applyEarlierFinding(stillOpen)).orElseThrow()
                .findingEvents().stream().allMatch(FindingEvent.FindingRaised.class::isInstance));
    }

    @Test
    void reEvaluatingUnchangedDataAfterATripThroughTheLogAppendsNothing() {
        PeriodHistory history = historyAfter(RunDecision.decide(SAMPLE, PeriodHistory.empty()).orElseThrow());

        assertEquals(Optional.empty(), RunDecision.decide(SAMPLE, history));
    }

    @Test
    void aChangedValueAppendsAFullRunWithReadinessOnlyWhenItsReasonsChanged() {
        PeriodHistory history = historyAfter(RunDecision.decide(SAMPLE, PeriodHistory.empty()).orElseThrow());
        // one more pupil in one school: values move, no finding or readiness reason changes
        var inputs = SampleDistrict.inputs();
        var changed = inputs.withSchools(inputs.schools().stream().map(school -> school.schoolCode()
                .equals("2150327962") ? withOnePupilMore(school) : school).toList());

        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(), changed);
        RunDecision.Append append = RunDecision.decide(evaluation, history).orElseThrow();

        assertTrue(append.findingEvents().isEmpty());
        boolean reasonsChanged = !RunDecision.sameJson(SAMPLE.readiness().reasons(), evaluation.readiness().reasons());
        assertEquals(reasonsChanged, append.evaluationEvents().stream().anyMatch(ReadinessChanged.class::isInstance));
        assertTrue(append.evaluationEvents().get(append.evaluationEvents().size() - 1) instanceof EvaluationCompleted);
    }

    private static SchoolInput withOnePupilMore(SchoolInput school) {
        var statistics = school.statistics();
        var sections = statistics.sections().stream().map(s -> new org.junheng.contracts.schooldata.SectionStatistics(
                s.section(), s.pupils() + 1, s.classes(), s.largestClassSize(), s.classSizes(), s.migrantPupils(),
                s.inCatchmentPupils() + 1, s.teachers(), s.facilities())).toList();
        return new SchoolInput(school.schoolCode(), school.profile(), new org.junheng.contracts.schooldata
                .SchoolStatistics(sections, statistics.seniorPupils(), statistics.wholeSchoolFacilities(),
                statistics.funds(), statistics.retentionCohort()));
    }

    /** The history as the runner folds it: every event written to JSON and read back, as the log stores it. */
    private static PeriodHistory historyAfter(RunDecision.Append append) {
        PeriodHistory history = PeriodHistory.empty();
        long version = 0;
        for (EvaluationEvent event : append.evaluationEvents()) {
            history.applyEvaluation(roundTrip(event), ++version);
        }
        for (FindingEvent finding : append.findingEvents()) {
            history.applyFinding((FindingEvent) roundTrip(finding), 1);
        }
        return history;
    }

    private static PublishedEvent roundTrip(PublishedEvent event) {
        return PublishedEvents.read(PublishedEvents.write(event), event.getClass());
    }
}

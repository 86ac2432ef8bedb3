package org.junheng.intake.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.intake.IntakeFixtures;
import org.junheng.intake.common.Rejection;
import org.junit.jupiter.api.Test;

class StatisticsFormTest {

    static final org.junheng.contracts.schooldata.SchoolProfile PROFILE = IntakeFixtures.primaryProfile("重庆市大渡口区育英小学");
    static final SchoolStatistics FIGURES = IntakeFixtures.primaryStatistics(900, new BigDecimal("7000"));
    static final StatisticsForm.State EMPTY = StatisticsForm.State.initial("500104", "2150000001", 2024);

    @Test
    void aFirstSubmissionIsRecordedWithTheProfile() {
        var events = StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, FIGURES, false), EMPTY);
        var submitted = assertInstanceOf(SchoolStatisticsEvent.SchoolStatisticsSubmitted.class, events.get(0));
        assertEquals(PROFILE, submitted.profile());
        assertEquals(2024, submitted.period());
    }

    @Test
    void aRepeatedSubmissionChangesNothingAndADifferentOneMustBeACorrection() {
        var state = StatisticsForm.evolve(EMPTY,
                StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, FIGURES, false), EMPTY).get(0));
        assertEquals(List.of(), StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, FIGURES, false), state));
        var other = IntakeFixtures.primaryStatistics(900, new BigDecimal("7100"));
        var conflict = assertThrows(Rejection.class,
                () -> StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, other, false), state));
        assertEquals(Rejection.Kind.CONFLICT, conflict.kind());
        var corrected = StatisticsForm.decide(new StatisticsForm.Correct(PROFILE, other, "复核", false), state);
        assertEquals("复核", ((SchoolStatisticsEvent.SchoolStatisticsCorrected) corrected.get(0)).reason());
    }

    @Test
    void aCorrectionNeedsASubmissionAndAReason() {
        assertEquals(Rejection.Kind.NOT_FOUND, assertThrows(Rejection.class, () -> StatisticsForm.decide(
                new StatisticsForm.Correct(PROFILE, FIGURES, "x", false), EMPTY)).kind());
        var state = StatisticsForm.evolve(EMPTY,
                StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, FIGURES, false), EMPTY).get(0));
        var noReason = assertThrows(Rejection.class, () -> StatisticsForm.decide(
                new StatisticsForm.Correct(PROFILE, IntakeFixtures.primaryStatistics(901, BigDecimal.TEN), " ", false), state));
        assertEquals("reason", noReason.violations().get(0).field());
    }

    @Test
    void warningsRejectUntilConfirmed() {
        var slipped = IntakeFixtures.primaryStatistics(900, new BigDecimal("7000"));
        var facilities = slipped.wholeSchoolFacilities();
        var inWan = new SchoolStatistics(slipped.sections(), 0, new org.junheng.contracts.schooldata.Facilities(
                new BigDecimal("0.62"), new BigDecimal("0.06"), facilities.gymnasiumArea(), facilities.sportsGroundArea(),
                null, facilities.equipmentBookValue(), facilities.multimediaClassrooms(), facilities.musicRoomAreas(),
                facilities.artRoomAreas()), slipped.funds(), null);
        var rejection = assertThrows(Rejection.class,
                () -> StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, inWan, false), EMPTY));
        assertTrue(rejection.onlyWarnings());
        assertEquals(1, StatisticsForm.decide(new StatisticsForm.Submit(PROFILE, inWan, true), EMPTY).size());
    }
}

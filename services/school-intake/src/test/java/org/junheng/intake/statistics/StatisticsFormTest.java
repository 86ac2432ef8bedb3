package org.junheng.intake.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsCorrected;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsSubmitted;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junheng.intake.IntakeFixtures;
import org.junheng.intake.registry.School;
import org.junit.jupiter.api.Test;

/** The rules of a school's yearly form, as the REST form and every row of an import apply them. */
class StatisticsFormTest {

    static final SchoolProfile PROFILE = IntakeFixtures.primaryProfile("重庆市大渡口区育英小学");
    static final SchoolStatistics FIGURES = IntakeFixtures.primaryStatistics(900, new BigDecimal("7000"));
    static final SchoolStatistics OTHER = IntakeFixtures.primaryStatistics(900, new BigDecimal("7100"));
    static final School.State ACTIVE = School.DECIDER.evolve(School.State.initial("500104", "2150000001"),
            new SchoolEvent.SchoolRegistered("500104", "2150000001", PROFILE));
    static final School.State CLOSED = School.DECIDER.evolve(ACTIVE, new SchoolEvent.SchoolClosed("500104",
            "2150000001", PROFILE.name(), LocalDate.of(2024, 8, 31), "生源不足"));
    static final DeciderSpec<StatisticsForm.State, StatisticsForm.Command, SchoolStatisticsEvent> FORM =
            DeciderSpec.of(StatisticsForm.DECIDER, StatisticsForm.State.initial("500104", "2150000001", 2024));
    static final SchoolStatisticsEvent SUBMITTED = new SchoolStatisticsSubmitted("500104", "2150000001", 2024,
            PROFILE, FIGURES);

    @Test
    void aFirstSubmissionIsRecordedWithTheProfile() {
        FORM.given().when(new StatisticsForm.Submit(ACTIVE, FIGURES, false)).then(SUBMITTED);
    }

    @Test
    void aRepeatedSubmissionChangesNothingAndADifferentOneMustBeACorrection() {
        FORM.given(SUBMITTED).when(new StatisticsForm.Submit(ACTIVE, FIGURES, false)).thenNothing();
        FORM.given(SUBMITTED).when(new StatisticsForm.Submit(ACTIVE, OTHER, false))
                .thenRefused(Refusal.Kind.CONFLICT, "statistics-already-submitted");
        FORM.given(SUBMITTED).when(new StatisticsForm.Correct(ACTIVE, OTHER, " 复核 ", false))
                .then(new SchoolStatisticsCorrected("500104", "2150000001", 2024, PROFILE, OTHER, "复核"));
    }

    @Test
    void aCorrectionNeedsASubmissionAndAReasonUnlessItChangesNothing() {
        FORM.given().when(new StatisticsForm.Correct(ACTIVE, FIGURES, "x", false))
                .thenRefused(Refusal.Kind.NOT_FOUND, "statistics-not-found");
        var noReason = FORM.given(SUBMITTED).when(new StatisticsForm.Correct(ACTIVE, OTHER, " ", false))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals("reason", ((Violation) noReason.errors().get(0)).field());
        // an import of the same file again: nothing to correct, so no reason is needed
        FORM.given(SUBMITTED).when(new StatisticsForm.Correct(ACTIVE, FIGURES, null, false)).thenNothing();
    }

    @Test
    void aClosedSchoolSubmitsNoNewFormButMayCorrectOne() {
        FORM.given().when(new StatisticsForm.Submit(CLOSED, FIGURES, false))
                .thenRefused(Refusal.Kind.CONFLICT, "school-not-active");
        FORM.given(SUBMITTED).when(new StatisticsForm.Correct(CLOSED, OTHER, "更正", false))
                .thenEvents(events -> assertEquals(1, events.size()));
        FORM.given().when(new StatisticsForm.Submit(School.State.initial("500104", "2150000001"), FIGURES, false))
                .thenRefused(Refusal.Kind.NOT_FOUND, "school-not-found");
    }

    @Test
    void warningsRefuseUntilConfirmed() {
        var slipped = IntakeFixtures.primaryStatistics(900, new BigDecimal("7000"));
        var facilities = slipped.wholeSchoolFacilities();
        var inWan = new SchoolStatistics(slipped.sections(), 0, new org.junheng.contracts.schooldata.Facilities(
                new BigDecimal("0.62"), new BigDecimal("0.06"), facilities.gymnasiumArea(), facilities.sportsGroundArea(),
                null, facilities.equipmentBookValue(), facilities.multimediaClassrooms(), facilities.musicRoomAreas(),
                facilities.artRoomAreas()), slipped.funds(), null);
        var refusal = FORM.given().when(new StatisticsForm.Submit(ACTIVE, inWan, false))
                .thenRefused(Refusal.Kind.IMPLAUSIBLE, "implausible-values");
        assertEquals(List.of(Violation.Level.WARNING), refusal.errors().stream()
                .map(error -> ((Violation) error).level()).distinct().toList());
        FORM.given().when(new StatisticsForm.Submit(ACTIVE, inWan, true))
                .thenEvents(events -> assertEquals(1, events.size()));
    }
}

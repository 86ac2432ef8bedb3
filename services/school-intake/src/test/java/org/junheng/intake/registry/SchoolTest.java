package org.junheng.intake.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junheng.intake.IntakeFixtures;
import org.junit.jupiter.api.Test;

/** given events, when a command, then events or a refusal. */
class SchoolTest {

    static final SchoolProfile PROFILE = IntakeFixtures.primaryProfile("重庆市大渡口区实验小学");
    static final DeciderSpec<School.State, School.Command, SchoolEvent> SCHOOL =
            DeciderSpec.of(School.DECIDER, School.State.initial("500104", "2150202506"));
    static final SchoolEvent REGISTERED = new SchoolEvent.SchoolRegistered("500104", "2150202506", PROFILE);
    static final SchoolEvent CLOSED = new SchoolEvent.SchoolClosed("500104", "2150202506", PROFILE.name(),
            LocalDate.of(2024, 8, 31), "生源不足");

    @Test
    void registeringANewSchool() {
        SCHOOL.given().when(new School.Register(PROFILE)).then(REGISTERED);
    }

    @Test
    void registeringTheSameSchoolAgainChangesNothingButADifferentProfileIsAConflict() {
        SCHOOL.given(REGISTERED).when(new School.Register(PROFILE)).thenNothing();
        SCHOOL.given(REGISTERED).when(new School.Register(IntakeFixtures.primaryProfile("别的名字")))
                .thenRefused(Refusal.Kind.CONFLICT, "school-already-registered");
    }

    /** Registering needs only what identifies the school; location class, ownership and year built may follow. */
    @Test
    void aSchoolIsRegisteredWithItsNameAndTypeAlone() {
        var identity = new SchoolProfile("重庆市大渡口区新建小学", org.junheng.contracts.SchoolType.PRIMARY, null, null,
                false, null, List.of());
        SCHOOL.given().when(new School.Register(identity))
                .then(new SchoolEvent.SchoolRegistered("500104", "2150202506", identity));
    }

    @Test
    void aProfileWithoutNameOrTypeIsInvalidFieldByField() {
        var bad = new SchoolProfile(" ", null, PROFILE.locationClass(), PROFILE.ownership(), false, 1700, List.of());
        var refusal = SCHOOL.given().when(new School.Register(bad)).thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("profile.name", "profile.type", "profile.yearBuilt"), fields(refusal));
    }

    @Test
    void changingTheProfileOfAnUnregisteredSchoolIsNotFound() {
        SCHOOL.given().when(new School.ChangeProfile(PROFILE, null))
                .thenRefused(Refusal.Kind.NOT_FOUND, "school-not-found");
    }

    @Test
    void changingTheProfile() {
        var renamed = IntakeFixtures.primaryProfile("重庆市大渡口区实验小学（新校区）");
        SCHOOL.given(REGISTERED).when(new School.ChangeProfile(renamed, " 迁址 "))
                .then(new SchoolEvent.SchoolProfileChanged("500104", "2150202506", renamed, "迁址"));
        SCHOOL.given(REGISTERED).when(new School.ChangeProfile(PROFILE, "same")).thenNothing();
    }

    @Test
    void closingNeedsAReasonAndAClosedSchoolTakesNoMoreCommands() {
        SCHOOL.given(REGISTERED).when(new School.Close(LocalDate.of(2024, 8, 31), " "))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        SCHOOL.given(REGISTERED).when(new School.Close(LocalDate.of(2024, 8, 31), "生源不足")).then(CLOSED);
        SCHOOL.given(REGISTERED, CLOSED).when(new School.ChangeProfile(PROFILE, null))
                .thenRefused(Refusal.Kind.CONFLICT, "school-not-active");
    }

    @Test
    void mergingIntoItselfOrAMalformedCodeIsInvalid() {
        var self = SCHOOL.given(REGISTERED).when(new School.Merge("2150202506", null, LocalDate.of(2024, 9, 1)))
                .thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("intoSchoolCode"), fields(self));
        var merged = SCHOOL.given(REGISTERED)
                .when(new School.Merge("2150473309", "重庆市大渡口区钢花小学", LocalDate.of(2024, 9, 1))).thenState();
        assertEquals(School.Status.MERGED, merged.status());
    }

    static List<String> fields(Refusal refusal) {
        return refusal.errors().stream().map(error -> ((Violation) error).field()).toList();
    }
}

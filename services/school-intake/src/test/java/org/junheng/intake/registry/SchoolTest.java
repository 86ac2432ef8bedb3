package org.junheng.intake.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.intake.IntakeFixtures;
import org.junheng.intake.common.Rejection;
import org.junit.jupiter.api.Test;

/** given events, when a command, then events or a rejection. */
class SchoolTest {

    static final SchoolProfile PROFILE = IntakeFixtures.primaryProfile("重庆市大渡口区实验小学");
    static final School.State NEW = School.State.initial("500104", "2150202506");

    static School.State given(SchoolEvent... events) {
        School.State state = NEW;
        for (SchoolEvent event : events) {
            state = School.evolve(state, event);
        }
        return state;
    }

    static final SchoolEvent REGISTERED = new SchoolEvent.SchoolRegistered("500104", "2150202506", PROFILE);

    @Test
    void registeringANewSchool() {
        assertEquals(List.of(REGISTERED), School.decide(new School.Register(PROFILE), given()));
    }

    @Test
    void registeringTheSameSchoolAgainChangesNothingButADifferentProfileIsAConflict() {
        assertEquals(List.of(), School.decide(new School.Register(PROFILE), given(REGISTERED)));
        var other = IntakeFixtures.primaryProfile("别的名字");
        var rejection = assertThrows(Rejection.class, () -> School.decide(new School.Register(other), given(REGISTERED)));
        assertEquals(Rejection.Kind.CONFLICT, rejection.kind());
    }

    @Test
    void aProfileWithoutNameOrTypeIsInvalidFieldByField() {
        var bad = new SchoolProfile(" ", null, PROFILE.locationClass(), PROFILE.ownership(), false, 1700, List.of());
        var rejection = assertThrows(Rejection.class, () -> School.decide(new School.Register(bad), given()));
        assertEquals(List.of("profile.name", "profile.type", "profile.yearBuilt"),
                rejection.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void changingTheProfileOfAnUnregisteredSchoolIsNotFound() {
        var rejection = assertThrows(Rejection.class,
                () -> School.decide(new School.ChangeProfile(PROFILE, null), given()));
        assertEquals(Rejection.Kind.NOT_FOUND, rejection.kind());
    }

    @Test
    void changingTheProfile() {
        var renamed = IntakeFixtures.primaryProfile("重庆市大渡口区实验小学（新校区）");
        assertEquals(List.of(new SchoolEvent.SchoolProfileChanged("500104", "2150202506", renamed, "迁址")),
                School.decide(new School.ChangeProfile(renamed, " 迁址 "), given(REGISTERED)));
        assertEquals(List.of(), School.decide(new School.ChangeProfile(PROFILE, "same"), given(REGISTERED)));
    }

    @Test
    void closingNeedsAReasonAndAClosedSchoolTakesNoMoreCommands() {
        var invalid = assertThrows(Rejection.class,
                () -> School.decide(new School.Close(LocalDate.of(2024, 8, 31), " "), given(REGISTERED)));
        assertEquals(Rejection.Kind.INVALID, invalid.kind());
        var closed = new SchoolEvent.SchoolClosed("500104", "2150202506", PROFILE.name(), LocalDate.of(2024, 8, 31), "生源不足");
        assertEquals(List.of(closed), School.decide(new School.Close(LocalDate.of(2024, 8, 31), "生源不足"), given(REGISTERED)));
        var after = assertThrows(Rejection.class,
                () -> School.decide(new School.ChangeProfile(PROFILE, null), given(REGISTERED, closed)));
        assertEquals(Rejection.Kind.CONFLICT, after.kind());
    }

    @Test
    void mergingIntoItselfOrAMalformedCodeIsInvalid() {
        var self = assertThrows(Rejection.class, () -> School.decide(
                new School.Merge("2150202506", null, LocalDate.of(2024, 9, 1)), given(REGISTERED)));
        assertEquals("intoSchoolCode", self.violations().get(0).field());
        var merged = School.decide(new School.Merge("2150473309", "重庆市大渡口区钢花小学", LocalDate.of(2024, 9, 1)),
                given(REGISTERED));
        assertEquals(School.Status.MERGED, School.evolve(given(REGISTERED), merged.get(0)).status());
    }
}

package org.junheng.rectification.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.Department;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.Accountability;
import org.junheng.contracts.rectification.UnitEvent;
import org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junit.jupiter.api.Test;

class ResponsibleUnitsTest {

    static final Person OFFICE = new Person("u-ddr-03", "王督学");
    static final LocalDate TODAY = LocalDate.of(2025, 9, 30);
    static final Department CZ = new Department("cz", "区财政局");
    static final DeciderSpec<ResponsibleUnits.State, ResponsibleUnits.Command, UnitEvent> UNITS =
            DeciderSpec.of(ResponsibleUnits.DECIDER, ResponsibleUnits.State.none("500104"));

    static ResponsibleUnits.NameLeader leader(String name, String post, String signed) {
        return new ResponsibleUnits.NameLeader(CZ, name, post, LocalDate.parse(signed), "大渡口教督〔2024〕3号", OFFICE,
                TODAY);
    }

    static List<UnitEvent> units(ResponsibleUnits.Command... commands) {
        List<UnitEvent> events = new ArrayList<>();
        ResponsibleUnits.State state = ResponsibleUnits.State.none("500104");
        for (ResponsibleUnits.Command command : commands) {
            List<UnitEvent> caused = ResponsibleUnits.decide(state, command);
            events.addAll(caused);
            state = ResponsibleUnits.DECIDER.fold(state, caused);
        }
        return events;
    }

    @Test
    void aUnitsLeaderIsNamedAgainWhenThePostChangesHandsAndTheSameNamingIsNothing() {
        List<UnitEvent> events = units(leader("李明", "区财政局局长", "2024-03-01"),
                leader("李明", "区财政局局长", "2024-03-01"), leader("赵刚", "区财政局局长", "2025-07-01"));
        assertEquals(2, events.size());
        var state = ResponsibleUnits.DECIDER.fold(ResponsibleUnits.State.none("500104"), events);
        assertEquals("赵刚", state.currentLeaders().get("cz").leader());
        assertEquals(2, state.leaders().size());
    }

    @Test
    void aLeaderRecordSaysWhatItLacks() {
        Refusal refused = UNITS.given().when(new ResponsibleUnits.NameLeader(CZ, " ", null, LocalDate.of(2026, 1, 1),
                null, OFFICE, TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
        assertEquals(List.of("leader", "post", "pledgeSignedOn"),
                refused.errors().stream().map(e -> ((Violation) e).field()).toList());
        UNITS.given().when(new ResponsibleUnits.NameLeader(null, "李明", "局长", TODAY, null, OFFICE, TODAY))
                .thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void aUnitIsSummonedAsAWholeWithTheSameChecksAsOnATask() {
        var interview = new ResponsibleUnits.RecordAccountability(CZ, Accountability.INTERVIEW, " 李明（区财政局局长） ",
                LocalDate.of(2025, 9, 20), "生均公用经费连续两年未按标准拨付", " ", OFFICE, TODAY);
        UNITS.given().when(interview).thenEvents(events -> {
            UnitAccountabilityRecorded recorded = (UnitAccountabilityRecorded) events.get(0);
            assertEquals("李明（区财政局局长）", recorded.person());
            assertEquals(null, recorded.outcome());
            assertEquals(CZ, recorded.department());
        });
        UNITS.given().when(new ResponsibleUnits.RecordAccountability(CZ, null, "李明", TODAY, "事由", null, OFFICE, TODAY))
                .thenRefused(Refusal.Kind.INVALID, "kind-required");
        UNITS.given().when(new ResponsibleUnits.RecordAccountability(CZ, Accountability.ACCOUNTABILITY, "李明",
                TODAY.plusDays(1), "事由", null, OFFICE, TODAY)).thenRefused(Refusal.Kind.INVALID, "validation");
    }
}

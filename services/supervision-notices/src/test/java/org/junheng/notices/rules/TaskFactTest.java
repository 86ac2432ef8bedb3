package org.junheng.notices.rules;

import static org.junheng.notices.rules.TaskFixtures.CLERK;
import static org.junheng.notices.rules.TaskFixtures.CZ;
import static org.junheng.notices.rules.TaskFixtures.DISTRICT;
import static org.junheng.notices.rules.TaskFixtures.DUE;
import static org.junheng.notices.rules.TaskFixtures.FINDING;
import static org.junheng.notices.rules.TaskFixtures.GH;
import static org.junheng.notices.rules.TaskFixtures.JW;
import static org.junheng.notices.rules.TaskFixtures.OPENED;
import static org.junheng.notices.rules.TaskFixtures.TASK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.TaskEvent.DeadlineExtended;
import org.junheng.contracts.rectification.TaskEvent.ProgressReported;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskReopened;
import org.junit.jupiter.api.Test;

class TaskFactTest {

    static final Person APPROVER = new Person("u-zhao", "赵局长");

    @Test
    void copiesWhatNoticesNeedFromTheOpening() {
        TaskFact fact = TaskFact.from(OPENED);
        assertEquals(new TaskFact(TASK, FINDING, TaskFixtures.TITLE, TaskFixtures.SCHOOL_CODE,
                TaskFixtures.SCHOOL_NAME, IndicatorCode.RA4, TaskFixtures.GAP, JW, List.of(CZ, GH), DUE), fact);
    }

    @Test
    void aReassignmentMovesTheLeadAndTheNewLeadLeavesTheCoDepartments() {
        TaskFact fact = TaskFact.from(OPENED)
                .evolve(new TaskReassigned(TASK, DISTRICT, FINDING, JW, CZ, "用房改造由财政统筹", APPROVER));
        assertEquals(CZ, fact.leadDepartment());
        assertEquals(List.of(GH), fact.coDepartments());
        assertEquals(DUE, fact.dueDate());
    }

    @Test
    void anExtensionOrAReopeningMovesTheDueDate() {
        LocalDate extended = LocalDate.of(2025, 9, 30);
        TaskFact fact = TaskFact.from(OPENED)
                .evolve(new DeadlineExtended(TASK, DISTRICT, FINDING, DUE, extended, "施工期跨暑假", APPROVER));
        assertEquals(extended, fact.dueDate());
        LocalDate again = LocalDate.of(2026, 3, 31);
        assertEquals(again, fact.evolve(new TaskReopened(TASK, DISTRICT, FINDING, "更正数据后仍未达标", again)).dueDate());
    }

    @Test
    void otherEventsChangeNothing() {
        TaskFact fact = TaskFact.from(OPENED);
        assertSame(fact, fact.evolve(new ProgressReported(TASK, DISTRICT, FINDING, 40, "已完成招标", CLERK)));
    }

    @Test
    void inMemoryFactsFollowTheStreamAndARedeliveredOpeningDoesNotUndoAReassignment() {
        InMemoryTaskFacts facts = new InMemoryTaskFacts()
                .apply(OPENED)
                .apply(new TaskReassigned(TASK, DISTRICT, FINDING, JW, CZ, "用房改造由财政统筹", APPROVER))
                .apply(OPENED);
        assertEquals(CZ, facts.find(TASK).orElseThrow().leadDepartment());
        assertEquals(1, facts.size());
    }

    @Test
    void eventsOfAnUnknownTaskAreIgnored() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-00000000abcd");
        InMemoryTaskFacts facts = new InMemoryTaskFacts()
                .apply(new DeadlineExtended(unknown, DISTRICT, FINDING, DUE, DUE.plusMonths(1), "原因", APPROVER));
        assertTrue(facts.find(unknown).isEmpty());
        assertEquals(0, facts.size());
    }
}

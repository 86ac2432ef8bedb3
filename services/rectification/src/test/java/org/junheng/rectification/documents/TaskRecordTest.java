package org.junheng.rectification.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.rectification.lifecycle.TaskFixtures;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junit.jupiter.api.Test;

/** When a task was settled, against which due date, and what was planned: from its history with times. */
class TaskRecordTest {

    /** The fixture's history to CLOSED, one event a day from 2025-03-20 (Beijing noon). */
    private static List<TaskRecord.Timed> timed(List<TaskEvent> events, LocalDate first) {
        List<TaskRecord.Timed> timed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            timed.add(new TaskRecord.Timed(events.get(i), first.plusDays(i).atTime(12, 0)
                    .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        }
        return timed;
    }

    @Test
    void settledWhenFirstVerifiedAndJudgedAgainstTheDueDateInForce() {
        List<TaskEvent> history = TaskFixtures.historyTo(TaskStatus.CLOSED);
        LocalDate early = TaskFixtures.DUE.minusDays(history.size() + 5);
        TaskRecord onTime = TaskRecord.of(timed(history, early));
        assertTrue(onTime.settledOnTime() && !onTime.settledLate() && !onTime.open());
        assertEquals(TaskFixtures.DUE, onTime.dueWhenSettled());
        TaskRecord late = TaskRecord.of(timed(history, TaskFixtures.DUE));
        assertTrue(late.settledLate() && !late.settledOnTime());
    }

    @Test
    void aTaskStillInProgressIsOpenAndOverdueOnlyAfterItsDueDate() {
        TaskRecord record = TaskRecord.of(timed(TaskFixtures.historyTo(TaskStatus.IN_PROGRESS), LocalDate.of(2025, 1, 1)));
        assertNull(record.settledOn());
        assertTrue(record.open());
        assertFalse(record.overdue(TaskFixtures.DUE));
        assertTrue(record.overdue(TaskFixtures.DUE.plusDays(1)));
        assertTrue(record.measures() != null && !record.measures().isBlank(), "the plan's measures are kept");
    }
}

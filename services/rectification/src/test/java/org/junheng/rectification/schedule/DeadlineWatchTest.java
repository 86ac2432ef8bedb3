package org.junheng.rectification.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.rectification.lifecycle.Task;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskFixtures;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junit.jupiter.api.Test;

class DeadlineWatchTest {

    static final DeadlineWatch WATCH = DeadlineWatch.standard();
    static final LocalDate DUE = TaskFixtures.DUE;

    /** Runs the watch on a day and applies what the task decides, as the service's schedule does. */
    static TaskState run(TaskState task, LocalDate today, List<TaskEvent> emitted) {
        TaskState state = task;
        for (TaskCommand command : WATCH.check(state, today)) {
            for (TaskEvent event : Task.decide(state, command)) {
                emitted.add(event);
                state = Task.evolve(state, event);
            }
        }
        return state;
    }

    @Test
    void remindersAt30And7And1DaysThenOverdueThenEscalationEachOnce() {
        TaskState task = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        List<TaskEvent> emitted = new java.util.ArrayList<>();
        for (LocalDate day = DUE.minusDays(40); !day.isAfter(DUE.plusDays(100)); day = day.plusDays(1)) {
            task = run(task, day, emitted);
            task = run(task, day, emitted); // twice a day: nothing more
        }
        assertEquals(List.of(30, 7, 1), emitted.stream().filter(TaskEvent.TaskDueSoon.class::isInstance)
                .map(e -> ((TaskEvent.TaskDueSoon) e).daysLeft()).toList());
        assertEquals(1, emitted.stream().filter(TaskEvent.TaskOverdue.class::isInstance).count());
        assertEquals(List.of(EscalationLevel.DEPARTMENT, EscalationLevel.LEADING_GROUP_OFFICE,
                        EscalationLevel.DISTRICT_GOVERNMENT),
                emitted.stream().filter(TaskEvent.TaskEscalated.class::isInstance)
                        .map(e -> ((TaskEvent.TaskEscalated) e).level()).toList());
        TaskEvent overdue = emitted.stream().filter(TaskEvent.TaskOverdue.class::isInstance).findFirst().orElseThrow();
        assertEquals(DUE, ((TaskEvent.TaskOverdue) overdue).dueDate());
    }

    @Test
    void theDayOfTheDueDateIsNotOverdueYet() {
        TaskState task = TaskFixtures.in(TaskStatus.ASSIGNED);
        assertEquals(List.of(new TaskCommand.MarkDueSoon(1)), WATCH.check(task, DUE));
        assertEquals(TaskCommand.MarkOverdue.class, WATCH.check(task, DUE.plusDays(1)).get(0).getClass());
    }

    @Test
    void aTaskOpenedLateGetsOnlyTheNearestReminder() {
        List<TaskEvent> emitted = new java.util.ArrayList<>();
        run(TaskFixtures.in(TaskStatus.OPEN), DUE.minusDays(5), emitted);
        assertEquals(1, emitted.size());
        assertEquals(7, ((TaskEvent.TaskDueSoon) emitted.get(0)).daysLeft());
    }

    @Test
    void settledTasksAreLeftAlone() {
        assertEquals(List.of(), WATCH.check(TaskFixtures.in(TaskStatus.VERIFIED), DUE.plusDays(200)));
        assertEquals(List.of(), WATCH.check(TaskFixtures.in(TaskStatus.CLOSED), DUE.plusDays(200)));
    }

    @Test
    void theLeadingGroupOfficeIsCalledInOnTheThirtyFirstDayLateNotTheThirtieth() {
        TaskState task = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        List<TaskEvent> emitted = new java.util.ArrayList<>();
        task = run(task, DUE.plusDays(30), emitted);
        assertEquals(List.of(EscalationLevel.DEPARTMENT), emitted.stream()
                .filter(TaskEvent.TaskEscalated.class::isInstance).map(e -> ((TaskEvent.TaskEscalated) e).level())
                .toList());
        emitted.clear();
        run(task, DUE.plusDays(31), emitted);
        assertEquals(List.of(EscalationLevel.LEADING_GROUP_OFFICE), emitted.stream()
                .map(e -> ((TaskEvent.TaskEscalated) e).level()).toList());
    }

    @Test
    void anExtensionStartsTheRemindersAgainForTheNewDueDate() {
        TaskState task = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        List<TaskEvent> emitted = new java.util.ArrayList<>();
        task = run(task, DUE.minusDays(5), emitted);
        assertEquals(1, emitted.size());
        TaskEvent extension = Task.decide(task, new TaskCommand.ExtendDeadline(DUE.plusDays(60), "施工受雨季影响",
                TaskFixtures.SUPERVISOR)).get(0);
        task = Task.evolve(task, extension);
        emitted.clear();
        run(task, DUE.plusDays(55), emitted);
        assertEquals(List.of(7), emitted.stream().map(e -> ((TaskEvent.TaskDueSoon) e).daysLeft()).toList());
        assertEquals(DUE.plusDays(60), ((TaskEvent.TaskDueSoon) emitted.get(0)).dueDate());
    }
}

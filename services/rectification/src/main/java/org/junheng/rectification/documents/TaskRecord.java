package org.junheng.rectification.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.rectification.lifecycle.Task;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junheng.service.ServiceClock;

/**
 * A task's record for a report: where it stands, the measures its department last planned, and when it was settled
 * (verified or signed off, since it was last opened) against the due date in force then.
 */
public record TaskRecord(TaskState state, @Nullable String measures, @Nullable LocalDate settledOn,
                         @Nullable LocalDate dueWhenSettled) {

    /** One event with the time it was recorded. */
    public record Timed(TaskEvent event, Instant recordedAt) {
    }

    /** From the task's stream as the store read it. */
    public static TaskRecord ofStored(List<org.junheng.eventsourcing.StoredEvent> stream) {
        return of(stream.stream().map(stored -> new Timed((TaskEvent)
                org.junheng.eventsourcing.published.PublishedEvents.read(stored), stored.recordedAt())).toList());
    }

    public static TaskRecord of(List<Timed> history) {
        TaskState state = null;
        String measures = null;
        LocalDate settledOn = null;
        LocalDate dueWhenSettled = null;
        for (Timed timed : history) {
            boolean wasSettled = state != null && settled(state.status());
            state = Task.evolve(state, timed.event());
            if (timed.event() instanceof TaskEvent.PlanSubmitted plan) {
                measures = plan.measures();
            }
            if (!wasSettled && settled(state.status())) {
                settledOn = LocalDate.ofInstant(timed.recordedAt(), ServiceClock.CHINA);
                dueWhenSettled = state.dueDate();
            } else if (!settled(state.status())) {
                settledOn = null; // reopened: it is open again
                dueWhenSettled = null;
            }
        }
        return new TaskRecord(state, measures, settledOn, dueWhenSettled);
    }

    static boolean settled(TaskStatus status) {
        return status == TaskStatus.VERIFIED || status == TaskStatus.CLOSED;
    }

    public boolean open() {
        return !settled(state.status());
    }

    /** Closed because the finding no longer applies: not rectification work, left out of the counts. */
    public boolean withdrawn() {
        return state.closure() == ClosureReason.NO_LONGER_APPLICABLE;
    }

    public boolean overdue(LocalDate today) {
        return open() && state.dueDate().isBefore(today);
    }

    public boolean settledOnTime() {
        return settledOn != null && !settledOn.isAfter(dueWhenSettled);
    }

    public boolean settledLate() {
        return settledOn != null && settledOn.isAfter(dueWhenSettled);
    }
}

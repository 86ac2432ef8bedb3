package org.junheng.notices.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.TaskEvent.DeadlineExtended;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskReopened;
import org.junheng.contracts.rectification.TaskEvent;

/**
 * What notices need to know about a task whose later events carry only ids: copied from {@link TaskOpened} and kept
 * current by {@link #evolve}. The service keeps one row per task; notices never wait for a lookup elsewhere.
 */
public record TaskFact(
        UUID taskId,
        UUID findingId,
        String title,
        @Nullable String schoolCode,
        @Nullable String schoolName,
        IndicatorCode indicator,
        String gap,
        Department leadDepartment,
        List<Department> coDepartments,
        LocalDate dueDate) {

    public TaskFact {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(leadDepartment, "leadDepartment");
        coDepartments = List.copyOf(coDepartments);
    }

    /** The fact after a task event: started by its opening, evolved by what follows, unknown before it opens. */
    public static Optional<TaskFact> after(Optional<TaskFact> known, TaskEvent event) {
        if (event instanceof TaskOpened opened && known.isEmpty()) {
            return Optional.of(from(opened));
        }
        return known.map(fact -> fact.evolve(event));
    }

    public static TaskFact from(TaskOpened opened) {
        return new TaskFact(opened.taskId(), opened.findingId(), opened.title(), opened.subject().schoolCode(),
                opened.subject().schoolName(), opened.indicator(), opened.gap(), opened.leadDepartment(),
                opened.coDepartments(), opened.dueDate());
    }

    /**
     * The facts after one more event of the task: a reassignment moves the lead (a co-department that becomes lead
     * leaves the co-departments), an extension or a reopening moves the due date. Other events change nothing here.
     */
    public TaskFact evolve(TaskEvent event) {
        if (event instanceof TaskReassigned reassigned) {
            List<Department> co = new ArrayList<>(coDepartments);
            co.removeIf(department -> department.code().equals(reassigned.toDepartment().code()));
            return new TaskFact(taskId, findingId, title, schoolCode, schoolName, indicator, gap,
                    reassigned.toDepartment(), co, dueDate);
        }
        if (event instanceof DeadlineExtended extended) {
            return withDueDate(extended.newDueDate());
        }
        if (event instanceof TaskReopened reopened) {
            return withDueDate(reopened.dueDate());
        }
        return this;
    }

    private TaskFact withDueDate(LocalDate newDueDate) {
        return new TaskFact(taskId, findingId, title, schoolCode, schoolName, indicator, gap, leadDepartment,
                coDepartments, newDueDate);
    }
}

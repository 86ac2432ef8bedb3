package org.junheng.rectification.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;

/**
 * What a task's due date asks for on a given day: reminders 30, 7 and 1 days before (临期提醒), the overdue mark the
 * day after, and escalation up the chain the longer it stays late (一把手负责制, 责任追究). The task itself makes each
 * of them happen once per due date ({@link org.junheng.rectification.lifecycle.Task#decide}), so running the watch
 * twice on a day, or every hour, changes nothing.
 *
 * @param reminderDays          days before the due date a reminder goes out, e.g. 30, 7, 1
 * @param leadingGroupAfterDays days overdue before the leading-group office is called in
 * @param governmentAfterDays   days overdue before the district government is called in
 */
public record DeadlineWatch(List<Integer> reminderDays, int leadingGroupAfterDays, int governmentAfterDays) {

    public DeadlineWatch {
        reminderDays = List.copyOf(reminderDays);
        if (leadingGroupAfterDays <= 0 || governmentAfterDays <= leadingGroupAfterDays) {
            throw new IllegalArgumentException("escalation days must rise: " + leadingGroupAfterDays + ", "
                    + governmentAfterDays);
        }
    }

    public static DeadlineWatch standard() {
        return new DeadlineWatch(List.of(30, 7, 1), 30, 90);
    }

    public List<TaskCommand> check(TaskState task, LocalDate today) {
        List<TaskCommand> commands = new ArrayList<>();
        if (task.status().settled()) {
            return commands;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, task.dueDate());
        if (daysLeft >= 0) {
            // the nearest threshold reached; earlier ones missed (e.g. a task opened 10 days before) are skipped
            reminderDays.stream().filter(days -> daysLeft <= days).min(Integer::compare)
                    .ifPresent(days -> commands.add(new TaskCommand.MarkDueSoon(days)));
            return commands;
        }
        long daysLate = -daysLeft;
        commands.add(new TaskCommand.MarkOverdue());
        commands.add(new TaskCommand.Escalate(EscalationLevel.DEPARTMENT, "整改期限" + task.dueDate()
                + "已过，责任单位主要负责人督办 (overdue: the head of the department is called to account)"));
        if (daysLate > leadingGroupAfterDays) {
            commands.add(new TaskCommand.Escalate(EscalationLevel.LEADING_GROUP_OFFICE, "逾期" + daysLate
                    + "日，提请领导小组办公室督办 (overdue " + daysLate + " days: leading-group office)"));
        }
        if (daysLate > governmentAfterDays) {
            commands.add(new TaskCommand.Escalate(EscalationLevel.DISTRICT_GOVERNMENT, "逾期" + daysLate
                    + "日，提请区政府督办 (overdue " + daysLate + " days: district government)"));
        }
        return commands;
    }
}

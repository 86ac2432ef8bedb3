package org.junheng.rectification.tasks;

import java.util.Arrays;
import java.util.List;
import org.junheng.contracts.Role;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.lifecycle.TaskAction;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.service.Caller;

/**
 * Who may see and do what with a task, decided on the task as loaded: the rule every read and every action of the
 * service applies, whichever way it arrives.
 */
public final class TaskAccess {

    private TaskAccess() {
    }

    /** A task exists for a caller of its district; for a department only if it leads or helps, a school its own. */
    public static boolean visible(TaskState task, Caller caller) {
        if (!caller.seesDistrict(task.districtCode())) {
            return false;
        }
        if (caller.department() != null) {
            return task.involves(caller.department());
        }
        if (caller.school() != null) {
            return caller.school().equals(task.subject().schoolCode());
        }
        return true;
    }

    /**
     * A department's 督办单 (all its tasks) is for the office, leaders, the city and admins, and for that department;
     * another department or a school gets 403.
     */
    public static void authorizeDepartmentNotice(String departmentCode, Caller caller) {
        caller.require(RectificationAccess.DEPARTMENT_NOTICE);
        if (caller.department() != null && !caller.department().equals(departmentCode)) {
            throw Refusal.forbidden("只能查看本单位的督办单 (only your own unit's notice)");
        }
    }

    /**
     * Who may do what ({@link TaskAction#party}): the lead department works the task (a co-responsible one reports
     * progress and attaches evidence); the supervision office verifies, rejects, signs off, extends and reassigns.
     */
    public static void authorize(TaskState task, TaskCommand command, Caller caller) {
        if (!visible(task, caller)) {
            throw TaskActions.notFound(task.taskId());
        }
        TaskAction action = TaskAction.of(command).orElseThrow(() -> new IllegalArgumentException(
                "not a person's action: " + command));
        if (permits(task, action, caller)) {
            return;
        }
        caller.require(RectificationAccess.action(action));
        throw Refusal.forbidden("只有牵头单位可以" + " (only the lead department may do this)");
    }

    /** Whether the caller is the party to take the action (whatever the task's status). */
    public static boolean permits(TaskState task, TaskAction action, Caller caller) {
        if (!visible(task, caller)) {
            return false;
        }
        if (!caller.allows(RectificationAccess.action(action))) {
            return false;
        }
        return action.party() != TaskAction.Party.LEAD || caller.is(Role.ADMIN)
                || task.lead().code().equals(caller.department());
    }

    /** The actions the caller may take on the task now: its party's, allowed in the task's status. */
    public static List<TaskAction> available(TaskState task, Caller caller) {
        return Arrays.stream(TaskAction.values())
                .filter(action -> action.allowedIn(task.status()) && permits(task, action, caller)).toList();
    }
}

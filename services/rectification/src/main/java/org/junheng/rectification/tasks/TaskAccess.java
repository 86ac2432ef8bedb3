package org.junheng.rectification.tasks;

import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.service.ApiProblem;
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
        if (caller.school() != null || caller.department() != null && !caller.department().equals(departmentCode)) {
            throw ApiProblem.forbidden("只能查看本单位的督办单 (only your own unit's notice)");
        }
    }

    /**
     * Who may do what: the lead department works the task (a co-responsible one reports progress and attaches
     * evidence); the supervision office verifies, rejects, signs off, extends and reassigns.
     */
    public static void authorize(TaskState task, TaskCommand command, Caller caller) {
        if (!visible(task, caller)) {
            throw TaskActions.notFound(task.taskId());
        }
        if (caller.is("admin")) {
            return;
        }
        boolean office = command instanceof TaskCommand.Verify || command instanceof TaskCommand.Reject
                || command instanceof TaskCommand.Close || command instanceof TaskCommand.ExtendDeadline
                || command instanceof TaskCommand.Reassign;
        if (office) {
            caller.requireRole("supervisor");
            return;
        }
        caller.requireRole("department");
        boolean helperMayDo = command instanceof TaskCommand.ReportProgress
                || command instanceof TaskCommand.AttachEvidence;
        if (!helperMayDo && !task.lead().code().equals(caller.department())) {
            throw ApiProblem.forbidden("只有牵头单位可以" + " (only the lead department may do this)");
        }
    }
}

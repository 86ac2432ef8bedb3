package org.junheng.rectification.lifecycle;

import java.util.EnumSet;
import java.util.Set;
import org.junheng.contracts.Labelled;

/**
 * The people's actions on a task as a table: in which statuses each is allowed and who takes it. {@link Task#decide}
 * refuses an action outside its statuses, {@code TaskAccess} an action by the wrong party, and the task's answer lists
 * the actions its caller may take now — so the console offers exactly these.
 */
public enum TaskAction implements Labelled {
    ASSIGN("分派责任人", Party.LEAD, EnumSet.of(TaskStatus.OPEN, TaskStatus.ASSIGNED)),
    PLAN("提交整改方案", Party.LEAD, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.PLANNED)),
    PROGRESS("报告进展", Party.INVOLVED, EnumSet.of(TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)),
    EVIDENCE("上传佐证材料", Party.INVOLVED, EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.PLANNED, TaskStatus.IN_PROGRESS,
            TaskStatus.SUBMITTED)),
    SUBMIT("提交核验", Party.LEAD, EnumSet.of(TaskStatus.IN_PROGRESS)),
    VERIFY("核验通过", Party.OFFICE, EnumSet.of(TaskStatus.SUBMITTED)),
    /** On a submission (核验不通过) or on review of a verification before 销号 (复核不通过). */
    REJECT("退回", Party.OFFICE, EnumSet.of(TaskStatus.SUBMITTED, TaskStatus.VERIFIED)),
    CLOSE("销号", Party.OFFICE, EnumSet.of(TaskStatus.VERIFIED)),
    /** 约谈问责: while the task is still being worked (those dragging their feet are summoned). */
    ACCOUNTABILITY("约谈问责", Party.OFFICE, unsettled()),
    EXTEND("延期", Party.OFFICE, unsettled()),
    REASSIGN("改派", Party.OFFICE, unsettled());

    /** Who takes an action: the lead department, any department on the task (lead or helping), the office. */
    public enum Party { LEAD, INVOLVED, OFFICE }

    private final String label;
    private final Party party;
    private final Set<TaskStatus> allowedIn;

    TaskAction(String label, Party party, Set<TaskStatus> allowedIn) {
        this.label = label;
        this.party = party;
        this.allowedIn = allowedIn;
    }

    @Override
    public String label() {
        return label;
    }

    public Party party() {
        return party;
    }

    public boolean allowedIn(TaskStatus status) {
        return allowedIn.contains(status);
    }

    /** The path segment of the action's REST operation ({@code POST /api/v1/tasks/{id}/verify}). */
    public String operation() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The action a person's command takes; none for the pipeline's own commands (open, deadlines, resolution). */
    public static java.util.Optional<TaskAction> of(TaskCommand command) {
        TaskAction action = command instanceof TaskCommand.Assign ? ASSIGN
                : command instanceof TaskCommand.SubmitPlan ? PLAN
                : command instanceof TaskCommand.ReportProgress ? PROGRESS
                : command instanceof TaskCommand.AttachEvidence ? EVIDENCE
                : command instanceof TaskCommand.SubmitForVerification ? SUBMIT
                : command instanceof TaskCommand.Verify ? VERIFY
                : command instanceof TaskCommand.Reject ? REJECT
                : command instanceof TaskCommand.Close ? CLOSE
                : command instanceof TaskCommand.RecordAccountability ? ACCOUNTABILITY
                : command instanceof TaskCommand.ExtendDeadline ? EXTEND
                : command instanceof TaskCommand.Reassign ? REASSIGN : null;
        return java.util.Optional.ofNullable(action);
    }

    private static Set<TaskStatus> unsettled() {
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            if (!status.settled()) {
                statuses.add(status);
            }
        }
        return statuses;
    }
}

package org.junheng.rectification.lifecycle;

import java.util.List;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskEvent.DeadlineExtended;
import org.junheng.contracts.rectification.TaskEvent.EvidenceAttached;
import org.junheng.contracts.rectification.TaskEvent.PlanSubmitted;
import org.junheng.contracts.rectification.TaskEvent.ProgressReported;
import org.junheng.contracts.rectification.TaskEvent.SubmittedForVerification;
import org.junheng.contracts.rectification.TaskEvent.TaskAssigned;
import org.junheng.contracts.rectification.TaskEvent.TaskClosed;
import org.junheng.contracts.rectification.TaskEvent.TaskDueSoon;
import org.junheng.contracts.rectification.TaskEvent.TaskEscalated;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskEvent.TaskOverdue;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskRejected;
import org.junheng.contracts.rectification.TaskEvent.TaskReopened;
import org.junheng.contracts.rectification.TaskEvent.TaskVerified;
import org.junheng.contracts.rectification.VerificationMethod;

/**
 * The rectification task (整改任务) as decide/evolve: {@link #decide} checks a command against the state and returns
 * the events it causes (or refuses it); {@link #evolve} applies an event. A missing task is the {@code null} state.
 *
 * <pre>
 * OPEN → ASSIGNED → PLANNED → IN_PROGRESS → SUBMITTED → VERIFIED → CLOSED
 *                                   ↑            │ rejected (rounds counted)
 *                                   └────────────┘
 * reopened finding: VERIFIED/CLOSED → IN_PROGRESS; resolved finding: any open state → VERIFIED (by data) → CLOSED
 * </pre>
 */
public final class Task {

    private Task() {
    }

    public static List<TaskEvent> decide(@Nullable TaskState state, TaskCommand command) {
        if (command instanceof TaskCommand.Open open) {
            return state == null ? List.of(open.opened()) : List.of(); // one task per finding, also on redelivery
        }
        if (state == null) {
            throw new TaskRefused(TaskRefused.Kind.CONFLICT, "task-not-opened", "任务尚未下达 (no such task)");
        }
        TaskStatus status = state.status();
        if (command instanceof TaskCommand.FindingResolved resolved) {
            return findingResolved(state, resolved.basis());
        }
        if (command instanceof TaskCommand.Reopen reopen) {
            if (!status.settled()) {
                return List.of(); // still being worked: nothing to reopen
            }
            return List.of(new TaskReopened(state.taskId(), state.districtCode(), state.findingId(), reopen.reason(),
                    reopen.newDueDate()));
        }
        if (command instanceof TaskCommand.MarkDueSoon dueSoon) {
            return status.settled() || state.dueSoonSent().contains(dueSoon.daysLeft()) ? List.of()
                    : List.of(new TaskDueSoon(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                    state.dueDate(), dueSoon.daysLeft()));
        }
        if (command instanceof TaskCommand.MarkOverdue) {
            return status.settled() || state.overdue() ? List.of()
                    : List.of(new TaskOverdue(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                    state.dueDate()));
        }
        if (command instanceof TaskCommand.Escalate escalate) {
            boolean already = state.escalation() != null && state.escalation().compareTo(escalate.level()) >= 0;
            return status.settled() || already ? List.of()
                    : List.of(new TaskEscalated(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                    escalate.level(), escalate.reason()));
        }
        if (status == TaskStatus.CLOSED) {
            throw TaskRefused.illegal(actionName(command), status);
        }
        if (command instanceof TaskCommand.Assign assign) {
            require(command, status);
            return List.of(new TaskAssigned(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                    assign.responsible()));
        }
        if (command instanceof TaskCommand.SubmitPlan plan) {
            require(command, status);
            requireText(plan.measures(), "measures", "整改措施不能为空 (measures are required)");
            if (plan.plannedCompletion() == null) {
                throw TaskRefused.invalid("planned-completion-required",
                        "请填写计划完成日期 (plannedCompletion is required)");
            }
            return List.of(new PlanSubmitted(state.taskId(), state.districtCode(), state.findingId(),
                    plan.measures(), plan.milestones() == null ? List.of() : plan.milestones(),
                    plan.plannedCompletion(), plan.by()));
        }
        if (command instanceof TaskCommand.ReportProgress progress) {
            require(command, status);
            if (progress.percentComplete() < 0 || progress.percentComplete() > 100) {
                throw TaskRefused.invalid("percent-out-of-range", "完成比例应在0–100之间 (percentComplete is 0–100)");
            }
            requireText(progress.description(), "description", "请说明进展情况 (description is required)");
            return List.of(new ProgressReported(state.taskId(), state.districtCode(), state.findingId(),
                    progress.percentComplete(), progress.description(), progress.by()));
        }
        if (command instanceof TaskCommand.AttachEvidence attach) {
            require(command, status);
            boolean duplicate = state.evidence().stream()
                    .anyMatch(e -> e.sha256().equals(attach.evidence().sha256()));
            return duplicate ? List.of() : List.of(new EvidenceAttached(state.taskId(), state.districtCode(),
                    state.findingId(), attach.evidence(), attach.uploader()));
        }
        if (command instanceof TaskCommand.SubmitForVerification submit) {
            require(command, status);
            if (state.evidence().isEmpty()) {
                throw new TaskRefused(TaskRefused.Kind.CONFLICT, "evidence-required",
                        "提交核验前请上传佐证材料 (attach evidence before submitting for verification)");
            }
            requireText(submit.summary(), "summary", "请填写整改情况说明 (summary is required)");
            return List.of(new SubmittedForVerification(state.taskId(), state.districtCode(), state.findingId(),
                    state.rounds() + 1, submit.summary(), submit.by()));
        }
        if (command instanceof TaskCommand.Verify verify) {
            require(command, status);
            return List.of(new TaskVerified(state.taskId(), state.districtCode(), state.findingId(),
                    VerificationMethod.JUDGMENT, verify.verifier(), verify.comment()));
        }
        if (command instanceof TaskCommand.Reject reject) {
            require(command, status);
            requireText(reject.reason(), "reason", "请填写退回原因 (reason is required)");
            return List.of(new TaskRejected(state.taskId(), state.districtCode(), state.findingId(), state.rounds(),
                    reject.reason(), reject.by()));
        }
        if (command instanceof TaskCommand.Close close) {
            require(command, status);
            return List.of(new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                    ClosureReason.RECTIFIED, close.note()));
        }
        if (command instanceof TaskCommand.ExtendDeadline extend) {
            require(command, status);
            requireText(extend.reason(), "reason", "请填写延期理由 (reason is required)");
            if (extend.newDueDate() == null) {
                throw TaskRefused.invalid("new-due-date-required", "请填写新的整改期限 (newDueDate is required)");
            }
            if (!extend.newDueDate().isAfter(state.dueDate())) {
                throw TaskRefused.invalid("due-date-not-later", "新的整改期限须晚于" + state.dueDate()
                        + " (the new due date must be after the current one)");
            }
            return List.of(new DeadlineExtended(state.taskId(), state.districtCode(), state.findingId(),
                    state.dueDate(), extend.newDueDate(), extend.reason(), extend.approver()));
        }
        if (command instanceof TaskCommand.Reassign reassign) {
            require(command, status);
            requireText(reassign.reason(), "reason", "请填写改派理由 (reason is required)");
            if (reassign.to() == null) {
                throw TaskRefused.invalid("to-required", "请指定改派单位 (name the department to reassign to)");
            }
            if (reassign.to().code().equals(state.lead().code())) {
                throw TaskRefused.invalid("same-department", "改派对象须为其他单位 (reassign to another department)");
            }
            return List.of(new TaskReassigned(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                    reassign.to(), reassign.reason(), reassign.approver()));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private static List<TaskEvent> findingResolved(TaskState state, ResolutionBasis basis) {
        if (state.status() == TaskStatus.CLOSED) {
            return List.of();
        }
        if (basis == ResolutionBasis.NO_LONGER_APPLICABLE) {
            return List.of(new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                    ClosureReason.NO_LONGER_APPLICABLE, "问题不再适用 (the finding no longer applies)"));
        }
        TaskClosed closed = new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                ClosureReason.RECTIFIED, basis.label());
        if (state.status() == TaskStatus.VERIFIED) {
            return List.of(closed);
        }
        return List.of(new TaskVerified(state.taskId(), state.districtCode(), state.findingId(), VerificationMethod.DATA,
                null, basis.label()), closed);
    }

    public static @Nullable TaskState evolve(@Nullable TaskState state, TaskEvent event) {
        if (event instanceof TaskOpened opened) {
            return TaskState.opened(opened);
        }
        if (state == null) {
            throw new IllegalStateException("event before TaskOpened: " + event.getClass().getSimpleName());
        }
        if (event instanceof TaskAssigned assigned) {
            return state.withResponsible(assigned.responsible()).withStatus(TaskStatus.ASSIGNED);
        }
        if (event instanceof PlanSubmitted) {
            return state.withStatus(TaskStatus.PLANNED);
        }
        if (event instanceof ProgressReported progress) {
            return state.withProgress(progress.percentComplete()).withStatus(TaskStatus.IN_PROGRESS);
        }
        if (event instanceof EvidenceAttached attached) {
            return state.withEvidence(attached.evidence());
        }
        if (event instanceof SubmittedForVerification submitted) {
            return state.withRounds(submitted.round(), state.rejections()).withStatus(TaskStatus.SUBMITTED);
        }
        if (event instanceof TaskRejected) {
            return state.withRounds(state.rounds(), state.rejections() + 1).withStatus(TaskStatus.IN_PROGRESS);
        }
        if (event instanceof TaskVerified verified) {
            return state.withVerification(verified.method());
        }
        if (event instanceof TaskClosed closed) {
            return state.withClosure(closed.reason());
        }
        if (event instanceof DeadlineExtended extended) {
            return state.withDueDate(extended.newDueDate());
        }
        if (event instanceof TaskReassigned reassigned) {
            return state.withLead(reassigned.toDepartment());
        }
        if (event instanceof TaskDueSoon dueSoon) {
            return state.withDueSoonSent(dueSoon.daysLeft());
        }
        if (event instanceof TaskOverdue) {
            return state.withOverdue();
        }
        if (event instanceof TaskEscalated escalated) {
            return state.withEscalation(escalated.level());
        }
        if (event instanceof TaskReopened reopened) {
            return state.reopened(reopened.dueDate());
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }

    public static @Nullable TaskState fold(List<? extends TaskEvent> events) {
        TaskState state = null;
        for (TaskEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    /** A person's action only in the statuses {@link TaskAction} allows it. */
    private static void require(TaskCommand command, TaskStatus status) {
        if (!TaskAction.of(command).map(action -> action.allowedIn(status)).orElse(false)) {
            throw TaskRefused.illegal(actionName(command), status);
        }
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw TaskRefused.invalid(field + "-required", message);
        }
    }

    static String actionName(TaskCommand command) {
        return TaskAction.of(command).map(action -> action.label() + " (" + action.operation() + ")")
                .orElse(command.getClass().getSimpleName());
    }
}

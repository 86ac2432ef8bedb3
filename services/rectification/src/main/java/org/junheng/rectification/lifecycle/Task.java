package org.junheng.rectification.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent.AccountabilityRecorded;
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
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.VerificationMethod;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * The rectification task (整改任务) as decide/evolve: {@link #decide} checks a command against the state and returns
 * the events it causes (or refuses it); {@link #evolve} applies an event. A missing task is the {@code null} state.
 *
 * <pre>
 * OPEN → ASSIGNED → PLANNED → IN_PROGRESS → SUBMITTED → VERIFIED → CLOSED
 *                                   ↑            │ rejected (rounds counted)
 *                                   └────────────┘
 * reopened finding: VERIFIED/CLOSED → IN_PROGRESS; resolved finding: any open state → VERIFIED (by data), then
 * the office's review: 销号 → CLOSED or 退回 → IN_PROGRESS (without review, where the district says so: → CLOSED)
 * </pre>
 */
public final class Task {

    public static final Decider<TaskState, TaskCommand, TaskEvent> DECIDER = Decider.of(Task::decide, Task::evolve);

    /** One handler per command: the events it causes on a task that exists. */
    private interface Handler<C extends TaskCommand> {
        List<TaskEvent> decide(TaskState state, C command);
    }

    private static final Map<Class<? extends TaskCommand>, Handler<? extends TaskCommand>> HANDLERS = new HashMap<>();

    private static <C extends TaskCommand> void on(Class<C> command, Handler<C> handler) {
        HANDLERS.put(command, handler);
    }

    static {
        // the pipeline's own commands
        on(TaskCommand.FindingResolved.class, Task::findingResolved);
        on(TaskCommand.Reopen.class, Task::reopen);
        on(TaskCommand.DataArrived.class, (state, arrived) -> dataArrived(state));
        on(TaskCommand.MarkDueSoon.class, Task::markDueSoon);
        on(TaskCommand.MarkOverdue.class, (state, overdue) -> markOverdue(state));
        on(TaskCommand.Escalate.class, Task::escalate);
        // people's actions, each only in the statuses TaskAction allows it
        on(TaskCommand.Assign.class, Task::assign);
        on(TaskCommand.SubmitPlan.class, Task::submitPlan);
        on(TaskCommand.ReportProgress.class, Task::reportProgress);
        on(TaskCommand.AttachEvidence.class, Task::attachEvidence);
        on(TaskCommand.SubmitForVerification.class, Task::submitForVerification);
        on(TaskCommand.Verify.class, Task::verify);
        on(TaskCommand.Reject.class, Task::reject);
        on(TaskCommand.Close.class, Task::close);
        on(TaskCommand.RecordAccountability.class, Task::recordAccountability);
        on(TaskCommand.ExtendDeadline.class, Task::extendDeadline);
        on(TaskCommand.Reassign.class, Task::reassign);
    }

    private Task() {
    }

    public static List<TaskEvent> decide(@Nullable TaskState state, TaskCommand command) {
        if (command instanceof TaskCommand.Open open) {
            return state == null ? List.of(open.opened()) : List.of(); // one task per finding, also on redelivery
        }
        if (state == null) {
            throw Refusal.conflict("task-not-opened", "任务尚未下达 (no such task)");
        }
        TaskAction.of(command).ifPresent(action -> {
            if (!action.allowedIn(state.status())) {
                throw illegal(action, state.status());
            }
        });
        return handlerOf(command).decide(state, command);
    }

    @SuppressWarnings("unchecked")
    private static <C extends TaskCommand> Handler<C> handlerOf(C command) {
        Handler<C> handler = (Handler<C>) HANDLERS.get(command.getClass());
        if (handler == null) {
            throw new IllegalArgumentException("no handler for " + command.getClass().getSimpleName());
        }
        return handler;
    }

    private static List<TaskEvent> reopen(TaskState state, TaskCommand.Reopen reopen) {
        if (!state.status().settled()) {
            return List.of(); // still being worked: nothing to reopen
        }
        return List.of(new TaskReopened(state.taskId(), state.districtCode(), state.findingId(), reopen.reason(),
                reopen.newDueDate()));
    }

    /** A 报送 task closes when its data arrive, whatever step it reached; no review: the data are the proof. */
    private static List<TaskEvent> dataArrived(TaskState state) {
        return state.status() == TaskStatus.CLOSED ? List.of()
                : List.of(new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                ClosureReason.DATA_SUBMITTED, "所需数据已报送，任务关闭"));
    }

    private static List<TaskEvent> markDueSoon(TaskState state, TaskCommand.MarkDueSoon dueSoon) {
        return state.status().settled() || state.dueSoonSent().contains(dueSoon.daysLeft()) ? List.of()
                : List.of(new TaskDueSoon(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                state.dueDate(), dueSoon.daysLeft()));
    }

    private static List<TaskEvent> markOverdue(TaskState state) {
        return state.status().settled() || state.overdue() ? List.of()
                : List.of(new TaskOverdue(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                state.dueDate()));
    }

    private static List<TaskEvent> escalate(TaskState state, TaskCommand.Escalate escalate) {
        boolean already = state.escalation() != null && state.escalation().compareTo(escalate.level()) >= 0;
        return state.status().settled() || already ? List.of()
                : List.of(new TaskEscalated(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                escalate.level(), escalate.reason()));
    }

    private static List<TaskEvent> assign(TaskState state, TaskCommand.Assign assign) {
        return List.of(new TaskAssigned(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                assign.responsible()));
    }

    private static List<TaskEvent> submitPlan(TaskState state, TaskCommand.SubmitPlan plan) {
        requireText(plan.measures(), "measures", "整改措施不能为空 (measures are required)");
        if (plan.plannedCompletion() == null) {
            throw Refusal.invalidField("planned-completion-required", "plannedCompletion", null,
                    "请填写计划完成日期 (plannedCompletion is required)");
        }
        return List.of(new PlanSubmitted(state.taskId(), state.districtCode(), state.findingId(), plan.measures(),
                plan.milestones() == null ? List.of() : plan.milestones(), plan.plannedCompletion(), plan.by()));
    }

    private static List<TaskEvent> reportProgress(TaskState state, TaskCommand.ReportProgress progress) {
        if (progress.percentComplete() < 0 || progress.percentComplete() > 100) {
            throw Refusal.invalidField("percent-out-of-range", "percentComplete", progress.percentComplete(),
                    "完成比例应在0–100之间 (percentComplete is 0–100)");
        }
        requireText(progress.description(), "description", "请说明进展情况 (description is required)");
        return List.of(new ProgressReported(state.taskId(), state.districtCode(), state.findingId(),
                progress.percentComplete(), progress.description(), progress.by()));
    }

    private static List<TaskEvent> attachEvidence(TaskState state, TaskCommand.AttachEvidence attach) {
        boolean duplicate = state.evidence().stream().anyMatch(e -> e.sha256().equals(attach.evidence().sha256()));
        return duplicate ? List.of() : List.of(new EvidenceAttached(state.taskId(), state.districtCode(),
                state.findingId(), attach.evidence(), attach.uploader()));
    }

    private static List<TaskEvent> submitForVerification(TaskState state, TaskCommand.SubmitForVerification submit) {
        if (state.evidence().isEmpty()) {
            throw Refusal.conflict("evidence-required",
                    "提交核验前请上传佐证材料 (attach evidence before submitting for verification)");
        }
        requireText(submit.summary(), "summary", "请填写整改情况说明 (summary is required)");
        return List.of(new SubmittedForVerification(state.taskId(), state.districtCode(), state.findingId(),
                state.rounds() + 1, submit.summary(), submit.by()));
    }

    private static List<TaskEvent> verify(TaskState state, TaskCommand.Verify verify) {
        return List.of(new TaskVerified(state.taskId(), state.districtCode(), state.findingId(),
                VerificationMethod.JUDGMENT, verify.verifier(), verify.comment()));
    }

    private static List<TaskEvent> reject(TaskState state, TaskCommand.Reject reject) {
        requireText(reject.reason(), "reason", "请填写退回原因 (reason is required)");
        boolean review = state.status() == TaskStatus.VERIFIED; // 复核不通过: a verification is not signed off
        return List.of(new TaskRejected(state.taskId(), state.districtCode(), state.findingId(), state.rounds(),
                reject.reason(), reject.by(), review ? Boolean.TRUE : null));
    }

    private static List<TaskEvent> close(TaskState state, TaskCommand.Close close) {
        return List.of(new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                ClosureReason.RECTIFIED, close.note()));
    }

    private static List<TaskEvent> recordAccountability(TaskState state, TaskCommand.RecordAccountability record) {
        Accountabilities.Checked checked = Accountabilities.check(record.kind(), record.person(), record.date(),
                record.reason(), record.outcome(), record.today());
        return List.of(new AccountabilityRecorded(state.taskId(), state.districtCode(), state.findingId(),
                checked.kind(), state.lead(), checked.person(), checked.date(), checked.reason(), checked.outcome(),
                record.by()));
    }

    private static List<TaskEvent> extendDeadline(TaskState state, TaskCommand.ExtendDeadline extend) {
        requireText(extend.reason(), "reason", "请填写延期理由 (reason is required)");
        if (extend.newDueDate() == null) {
            throw Refusal.invalidField("new-due-date-required", "newDueDate", null,
                    "请填写新的整改期限 (newDueDate is required)");
        }
        if (!extend.newDueDate().isAfter(state.dueDate())) {
            throw Refusal.invalidField("due-date-not-later", "newDueDate", extend.newDueDate(), "新的整改期限须晚于"
                    + state.dueDate() + " (the new due date must be after the current one)");
        }
        return List.of(new DeadlineExtended(state.taskId(), state.districtCode(), state.findingId(),
                state.dueDate(), extend.newDueDate(), extend.reason(), extend.approver()));
    }

    private static List<TaskEvent> reassign(TaskState state, TaskCommand.Reassign reassign) {
        requireText(reassign.reason(), "reason", "请填写改派理由 (reason is required)");
        if (reassign.to() == null) {
            throw Refusal.invalidField("to-required", "to", null, "请指定改派单位 (name the department to reassign to)");
        }
        if (reassign.to().code().equals(state.lead().code())) {
            throw Refusal.invalidField("same-department", "to", reassign.to().code(),
                    "改派对象须为其他单位 (reassign to another department)");
        }
        return List.of(new TaskReassigned(state.taskId(), state.districtCode(), state.findingId(), state.lead(),
                reassign.to(), reassign.reason(), reassign.approver()));
    }

    /**
     * A finding resolved by a new evaluation. No longer applicable: closed at once. By data or attestation: verified
     * by data, and closed at once only where the district does without review — otherwise the supervision office
     * signs it off (销号) or rejects it back to the department (复核).
     */
    private static List<TaskEvent> findingResolved(TaskState state, TaskCommand.FindingResolved resolved) {
        if (state.status() == TaskStatus.CLOSED) {
            return List.of();
        }
        ResolutionBasis basis = resolved.basis();
        if (basis == ResolutionBasis.NO_LONGER_APPLICABLE) {
            return List.of(new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                    ClosureReason.NO_LONGER_APPLICABLE, "问题不再适用 (the finding no longer applies)"));
        }
        TaskClosed closed = new TaskClosed(state.taskId(), state.districtCode(), state.findingId(),
                ClosureReason.RECTIFIED, basis.label());
        if (state.status() == TaskStatus.VERIFIED) {
            return resolved.review() ? List.of() : List.of(closed); // verified already: waits for 销号, or gets it
        }
        TaskVerified verified = new TaskVerified(state.taskId(), state.districtCode(), state.findingId(),
                VerificationMethod.DATA, null, basis.label(), resolved.review() ? Boolean.TRUE : null);
        return resolved.review() ? List.of(verified) : List.of(verified, closed);
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
            // rejected on submission or on review (复核) of a verification: back to work, unverified
            return state.withRounds(state.rounds(), state.rejections() + 1).withStatus(TaskStatus.IN_PROGRESS)
                    .withoutVerification();
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
        if (event instanceof AccountabilityRecorded) {
            return state; // a record on the task's history; its status and dates stay
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

    private static Refusal illegal(TaskAction action, TaskStatus status) {
        String name = action.label() + " (" + action.operation() + ")";
        return Refusal.conflict("illegal-transition", "任务状态为「" + status.label() + "」，不能" + name
                + " (" + name + " is not allowed while the task is " + status.name() + ")");
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalidField(field + "-required", field, value, message);
        }
    }
}

package org.junheng.rectification.lifecycle;

import static org.junheng.rectification.lifecycle.TaskFixtures.DUE;
import static org.junheng.rectification.lifecycle.TaskFixtures.HEAD;
import static org.junheng.rectification.lifecycle.TaskFixtures.PHOTO;
import static org.junheng.rectification.lifecycle.TaskFixtures.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.Accountability;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.VerificationMethod;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.testing.DeciderSpec;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Given a task in a status, when a command arrives, then these events — or a refusal — follow. */
class TaskTest {

    static final DeciderSpec<TaskState, TaskCommand, TaskEvent> TASK = DeciderSpec.of(Task.DECIDER, null);

    static final EvidenceReference REPORT = new EvidenceReference("验收报告.pdf",
            "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", "s3://junheng-evidence/report.pdf");

    /** Each person command and the statuses it is legal in, with the event it then gives. */
    static final Map<String, Set<TaskStatus>> LEGAL = Map.ofEntries(
            Map.entry("accountability", EnumSet.of(TaskStatus.OPEN, TaskStatus.ASSIGNED, TaskStatus.PLANNED,
                    TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED)),
            Map.entry("assign", EnumSet.of(TaskStatus.OPEN, TaskStatus.ASSIGNED)),
            Map.entry("plan", EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.PLANNED)),
            Map.entry("progress", EnumSet.of(TaskStatus.PLANNED, TaskStatus.IN_PROGRESS)),
            Map.entry("evidence", EnumSet.of(TaskStatus.ASSIGNED, TaskStatus.PLANNED, TaskStatus.IN_PROGRESS,
                    TaskStatus.SUBMITTED)),
            Map.entry("submit", EnumSet.of(TaskStatus.IN_PROGRESS)),
            Map.entry("verify", EnumSet.of(TaskStatus.SUBMITTED)),
            Map.entry("reject", EnumSet.of(TaskStatus.SUBMITTED, TaskStatus.VERIFIED)),
            Map.entry("close", EnumSet.of(TaskStatus.VERIFIED)),
            Map.entry("extend", EnumSet.of(TaskStatus.OPEN, TaskStatus.ASSIGNED, TaskStatus.PLANNED,
                    TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED)),
            Map.entry("reassign", EnumSet.of(TaskStatus.OPEN, TaskStatus.ASSIGNED, TaskStatus.PLANNED,
                    TaskStatus.IN_PROGRESS, TaskStatus.SUBMITTED)));

    static final Map<String, Class<? extends TaskEvent>> EVENT = Map.ofEntries(
            Map.entry("accountability", TaskEvent.AccountabilityRecorded.class),
            Map.entry("assign", TaskEvent.TaskAssigned.class),
            Map.entry("plan", TaskEvent.PlanSubmitted.class),
            Map.entry("progress", TaskEvent.ProgressReported.class),
            Map.entry("evidence", TaskEvent.EvidenceAttached.class),
            Map.entry("submit", TaskEvent.SubmittedForVerification.class),
            Map.entry("verify", TaskEvent.TaskVerified.class),
            Map.entry("reject", TaskEvent.TaskRejected.class),
            Map.entry("close", TaskEvent.TaskClosed.class),
            Map.entry("extend", TaskEvent.DeadlineExtended.class),
            Map.entry("reassign", TaskEvent.TaskReassigned.class));

    static TaskCommand command(String name) {
        return switch (name) {
            case "accountability" -> new TaskCommand.RecordAccountability(Accountability.INTERVIEW, "王强（区教委副主任）",
                    LocalDate.of(2025, 9, 15), "任务经三级督办仍未完成", "表态：10月底前完成", SUPERVISOR,
                    LocalDate.of(2025, 10, 1));
            case "assign" -> new TaskCommand.Assign(HEAD);
            case "plan" -> new TaskCommand.SubmitPlan("改造屋顶运动场", List.of(), LocalDate.of(2025, 2, 1), HEAD);
            case "progress" -> new TaskCommand.ReportProgress(80, "完成铺装", HEAD);
            case "evidence" -> new TaskCommand.AttachEvidence(REPORT, HEAD);
            case "submit" -> new TaskCommand.SubmitForVerification("已完成", HEAD);
            case "verify" -> new TaskCommand.Verify(SUPERVISOR, "现场核查属实");
            case "reject" -> new TaskCommand.Reject("面积不足", SUPERVISOR);
            case "close" -> new TaskCommand.Close("销号", SUPERVISOR);
            case "extend" -> new TaskCommand.ExtendDeadline(DUE.plusMonths(3), "施工受雨季影响", SUPERVISOR);
            case "reassign" -> new TaskCommand.Reassign(ResponsibilityMatrix.FINANCE, "经费问题为主", SUPERVISOR);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Stream<Arguments> everyCommandInEveryStatus() {
        List<Arguments> cases = new ArrayList<>();
        for (String name : LEGAL.keySet()) {
            for (TaskStatus status : TaskStatus.values()) {
                cases.add(Arguments.of(name, status));
            }
        }
        return cases.stream();
    }

    @Test
    void theActionTableIsTheLegalTable() {
        assertEquals(LEGAL.keySet().size(), TaskAction.values().length);
        for (TaskAction action : TaskAction.values()) {
            Set<TaskStatus> allowed = EnumSet.noneOf(TaskStatus.class);
            for (TaskStatus status : TaskStatus.values()) {
                if (action.allowedIn(status)) {
                    allowed.add(status);
                }
            }
            assertEquals(LEGAL.get(action.operation()), allowed, action.name());
        }
    }

    @ParameterizedTest(name = "given {1}, when {0}")
    @MethodSource("everyCommandInEveryStatus")
    void aCommandIsLegalExactlyInItsStatuses(String name, TaskStatus status) {
        TaskState given = TaskFixtures.in(status);
        assertEquals(status, given.status());

        if (LEGAL.get(name).contains(status)) {
            List<TaskEvent> events = Task.decide(given, command(name));
            assertEquals(1, events.size(), events.toString());
            assertTrue(EVENT.get(name).isInstance(events.get(0)), events.toString());
            assertNotNull(Task.evolve(given, events.get(0)));
        } else {
            Refusal refused = TASK.given(TaskFixtures.historyTo(status)).when(command(name))
                    .thenRefused(Refusal.Kind.CONFLICT, "illegal-transition");
            assertTrue(refused.getMessage().contains(status.label()), refused.getMessage());
        }
    }

    @Test
    void theLegalPathWalksEveryStatusInOrder() {
        TaskState state = null;
        List<TaskStatus> seen = new ArrayList<>();
        for (TaskCommand command : List.of(new TaskCommand.Open(TaskFixtures.opened()), command("assign"),
                command("plan"), command("progress"), command("evidence"), command("submit"), command("verify"),
                command("close"))) {
            for (TaskEvent event : Task.decide(state, command)) {
                state = Task.evolve(state, event);
            }
            if (seen.isEmpty() || seen.get(seen.size() - 1) != state.status()) {
                seen.add(state.status());
            }
        }
        assertEquals(List.of(TaskStatus.OPEN, TaskStatus.ASSIGNED, TaskStatus.PLANNED, TaskStatus.IN_PROGRESS,
                TaskStatus.SUBMITTED, TaskStatus.VERIFIED, TaskStatus.CLOSED), seen);
        assertEquals(ClosureReason.RECTIFIED, state.closure());
        assertEquals(VerificationMethod.JUDGMENT, state.verification());
    }

    @Test
    void aFindingOpensItsTaskOnceEvenWhenDeliveredAgain() {
        assertEquals(List.of(TaskFixtures.opened()), Task.decide(null, new TaskCommand.Open(TaskFixtures.opened())));
        assertEquals(List.of(), Task.decide(TaskFixtures.in(TaskStatus.OPEN),
                new TaskCommand.Open(TaskFixtures.opened())));
    }

    @Test
    void commandsOnAMissingTaskAreRefused() {
        TASK.given().when(command("assign")).thenRefused(Refusal.Kind.CONFLICT, "task-not-opened");
    }

    @Test
    void aRejectionSendsTheTaskBackAndTheNextSubmissionIsRoundTwo() {
        TaskState submitted = TaskFixtures.in(TaskStatus.SUBMITTED);
        TaskEvent rejected = Task.decide(submitted, command("reject")).get(0);
        assertEquals(1, ((TaskEvent.TaskRejected) rejected).round());
        TaskState back = Task.evolve(submitted, rejected);
        assertEquals(TaskStatus.IN_PROGRESS, back.status());
        assertEquals(1, back.rejections());

        TaskEvent again = Task.decide(back, command("submit")).get(0);
        assertEquals(2, ((TaskEvent.SubmittedForVerification) again).round());
    }

    @Test
    void submittingWithoutEvidenceIsRefused() {
        List<TaskEvent> planned = TaskFixtures.historyTo(TaskStatus.PLANNED);
        List<TaskEvent> progressed = TASK.given(planned).when(command("progress"))
                .thenEvents(events -> assertEquals(1, events.size()));
        List<TaskEvent> history = new ArrayList<>(planned);
        history.addAll(progressed);
        TASK.given(history).when(command("submit")).thenRefused(Refusal.Kind.CONFLICT, "evidence-required");
    }

    @Test
    void theSameDocumentAttachedTwiceIsRecordedOnce() {
        TaskState inProgress = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        assertEquals(List.of(), Task.decide(inProgress, new TaskCommand.AttachEvidence(PHOTO, HEAD)));
    }

    @Test
    void badInputIsInvalidNotAConflict() {
        var inProgress = TASK.given(TaskFixtures.historyTo(TaskStatus.IN_PROGRESS));
        var percent = inProgress.when(new TaskCommand.ReportProgress(120, "超额", HEAD))
                .thenRefused(Refusal.Kind.INVALID, "percent-out-of-range");
        assertEquals("percentComplete", ((Violation) percent.errors().get(0)).field());
        inProgress.when(new TaskCommand.ExtendDeadline(DUE, "无", SUPERVISOR))
                .thenRefused(Refusal.Kind.INVALID, "due-date-not-later");
        var reason = inProgress.when(new TaskCommand.ExtendDeadline(DUE.plusDays(1), " ", SUPERVISOR))
                .thenRefused(Refusal.Kind.INVALID, "reason-required");
        assertEquals("reason", ((Violation) reason.errors().get(0)).field());
        inProgress.when(new TaskCommand.Reassign(ResponsibilityMatrix.EDUCATION_COMMISSION, "同一单位", SUPERVISOR))
                .thenRefused(Refusal.Kind.INVALID, "same-department");
    }

    @Test
    void anExtensionMovesTheDueDateAndRestartsRemindersAndEscalation() {
        TaskState late = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        late = Task.evolve(late, Task.decide(late, new TaskCommand.MarkOverdue()).get(0));
        late = Task.evolve(late, Task.decide(late, new TaskCommand.Escalate(EscalationLevel.DEPARTMENT, "逾期")).get(0));
        assertTrue(late.overdue());

        TaskState extended = Task.evolve(late, Task.decide(late, command("extend")).get(0));
        assertEquals(DUE.plusMonths(3), extended.dueDate());
        assertTrue(!extended.overdue() && extended.escalation() == null && extended.dueSoonSent().isEmpty());
    }

    @Test
    void reassigningMakesTheNewDepartmentLeadAndDropsItFromTheHelpers() {
        TaskState state = TaskFixtures.in(TaskStatus.ASSIGNED);
        TaskState reassigned = Task.evolve(state, Task.decide(state, command("reassign")).get(0));
        assertEquals("cz", reassigned.lead().code());
        assertTrue(reassigned.coDepartments().stream().noneMatch(d -> d.code().equals("cz")));
    }

    @Test
    void aFindingResolvedByDataIsVerifiedAndWaitsForTheOfficesReviewFromAnyOpenStatus() {
        for (TaskStatus status : EnumSet.range(TaskStatus.OPEN, TaskStatus.SUBMITTED)) {
            List<TaskEvent> events = Task.decide(TaskFixtures.in(status),
                    new TaskCommand.FindingResolved(ResolutionBasis.DATA, true));
            assertEquals(List.of(TaskEvent.TaskVerified.class), events.stream().map(Object::getClass).toList(),
                    status.name());
            TaskEvent.TaskVerified verified = (TaskEvent.TaskVerified) events.get(0);
            assertEquals(VerificationMethod.DATA, verified.method());
            assertNull(verified.verifier());
            assertTrue(verified.awaitsReview());
        }
        // verified already (by a supervisor's judgment): it waits for 销号 as it did
        assertEquals(List.of(), Task.decide(TaskFixtures.in(TaskStatus.VERIFIED),
                new TaskCommand.FindingResolved(ResolutionBasis.ATTESTATION, true)));
        assertEquals(List.of(), Task.decide(TaskFixtures.in(TaskStatus.CLOSED),
                new TaskCommand.FindingResolved(ResolutionBasis.DATA, true)));
    }

    @Test
    void withoutReviewAFindingResolvedByDataVerifiesAndClosesAtOnce() {
        for (TaskStatus status : EnumSet.range(TaskStatus.OPEN, TaskStatus.SUBMITTED)) {
            List<TaskEvent> events = Task.decide(TaskFixtures.in(status),
                    new TaskCommand.FindingResolved(ResolutionBasis.DATA, false));
            assertEquals(List.of(TaskEvent.TaskVerified.class, TaskEvent.TaskClosed.class),
                    events.stream().map(Object::getClass).toList(), status.name());
            assertFalse(((TaskEvent.TaskVerified) events.get(0)).awaitsReview());
        }
        assertEquals(List.of(TaskEvent.TaskClosed.class), Task.decide(TaskFixtures.in(TaskStatus.VERIFIED),
                new TaskCommand.FindingResolved(ResolutionBasis.ATTESTATION, false)).stream().map(Object::getClass)
                .toList());
    }

    @Test
    void aSummonsIsRecordedChangesNothingElseAndSaysWhatItLacks() {
        TaskState submitted = TaskFixtures.in(TaskStatus.SUBMITTED);
        TaskEvent.AccountabilityRecorded recorded = (TaskEvent.AccountabilityRecorded) Task.decide(submitted,
                command("accountability")).get(0);
        assertEquals("jw", recorded.department().code(), "the task's lead answers");
        assertEquals(submitted, Task.evolve(submitted, recorded));
        var inProgress = TASK.given(TaskFixtures.historyTo(TaskStatus.IN_PROGRESS));
        inProgress.when(new TaskCommand.RecordAccountability(null, "王强", LocalDate.of(2025, 9, 15), "逾期",
                null, SUPERVISOR, LocalDate.of(2025, 10, 1))).thenRefused(Refusal.Kind.INVALID, "kind-required");
        inProgress.when(new TaskCommand.RecordAccountability(Accountability.ACCOUNTABILITY, " ",
                LocalDate.of(2025, 9, 15), "逾期", null, SUPERVISOR, LocalDate.of(2025, 10, 1)))
                .thenRefused(Refusal.Kind.INVALID, "person-required");
        inProgress.when(new TaskCommand.RecordAccountability(Accountability.ACCOUNTABILITY, "王强",
                LocalDate.of(2025, 10, 2), "逾期", null, SUPERVISOR, LocalDate.of(2025, 10, 1)))
                .thenRefused(Refusal.Kind.INVALID, "validation");
    }

    @Test
    void theOfficeSignsOffOrRejectsAVerificationByData() {
        List<TaskEvent> history = new java.util.ArrayList<>(TaskFixtures.historyTo(TaskStatus.IN_PROGRESS));
        TaskState inProgress = Task.fold(history);
        history.addAll(Task.decide(inProgress, new TaskCommand.FindingResolved(ResolutionBasis.DATA, true)));
        TaskState waiting = Task.fold(history);
        assertEquals(TaskStatus.VERIFIED, waiting.status());
        assertEquals(VerificationMethod.DATA, waiting.verification());

        TASK.given(history).when(new TaskCommand.Close("复核数据无误，予以销号", SUPERVISOR))
                .thenEvents(events -> assertEquals(ClosureReason.RECTIFIED,
                        ((TaskEvent.TaskClosed) events.get(0)).reason()));
        List<TaskEvent> rejected = TASK.given(history)
                .when(new TaskCommand.Reject("新报数据与现场核查不符", SUPERVISOR))
                .thenEvents(events -> assertTrue(((TaskEvent.TaskRejected) events.get(0)).onReview()));
        history.addAll(rejected);
        TaskState back = Task.fold(history);
        assertEquals(TaskStatus.IN_PROGRESS, back.status());
        assertNull(back.verification(), "a rejected verification is forgotten");
        // the department submits again, the office judges
        TASK.given(history).when(new TaskCommand.SubmitForVerification("已补充现场核查材料", SUPERVISOR))
                .thenEvents(events -> assertEquals(1, events.size()));
    }

    @Test
    void aFindingThatNoLongerAppliesClosesItsTaskWithoutVerificationFromEveryUnclosedStatus() {
        for (TaskStatus status : EnumSet.range(TaskStatus.OPEN, TaskStatus.VERIFIED)) {
            List<TaskEvent> events = Task.decide(TaskFixtures.in(status),
                    new TaskCommand.FindingResolved(ResolutionBasis.NO_LONGER_APPLICABLE, true));
            assertEquals(1, events.size(), status.name());
            assertEquals(ClosureReason.NO_LONGER_APPLICABLE, ((TaskEvent.TaskClosed) events.get(0)).reason());
        }
        assertEquals(List.of(), Task.decide(TaskFixtures.in(TaskStatus.CLOSED),
                new TaskCommand.FindingResolved(ResolutionBasis.NO_LONGER_APPLICABLE, true)));
    }

    @Test
    void missingDatesAndDepartmentsAreNamedAsRequired() {
        var inProgress = TASK.given(TaskFixtures.historyTo(TaskStatus.IN_PROGRESS));
        inProgress.when(new TaskCommand.ExtendDeadline(null, "雨季", SUPERVISOR))
                .thenRefused(Refusal.Kind.INVALID, "new-due-date-required");
        inProgress.when(new TaskCommand.Reassign(null, "经费问题", SUPERVISOR))
                .thenRefused(Refusal.Kind.INVALID, "to-required");
    }

    @Test
    void aReopenedFindingReopensASettledTaskOnlyAndGivesItANewDueDate() {
        LocalDate newDue = LocalDate.of(2025, 9, 30);
        for (TaskStatus status : TaskStatus.values()) {
            List<TaskEvent> events = Task.decide(TaskFixtures.in(status), new TaskCommand.Reopen("再次未达标", newDue));
            if (status.settled()) {
                TaskState reopened = Task.evolve(TaskFixtures.in(status), events.get(0));
                assertEquals(TaskStatus.IN_PROGRESS, reopened.status());
                assertEquals(newDue, reopened.dueDate());
                assertNull(reopened.closure());
            } else {
                assertEquals(List.of(), events, status.name());
            }
        }
    }

    @Test
    void deadlineMarksHappenOncePerDueDateAndNeverOnSettledTasks() {
        TaskState task = TaskFixtures.in(TaskStatus.ASSIGNED);
        TaskState reminded = Task.evolve(task, Task.decide(task, new TaskCommand.MarkDueSoon(7)).get(0));
        assertEquals(List.of(), Task.decide(reminded, new TaskCommand.MarkDueSoon(7)));
        assertEquals(1, Task.decide(reminded, new TaskCommand.MarkDueSoon(1)).size());

        TaskState escalated = Task.evolve(task, Task.decide(task,
                new TaskCommand.Escalate(EscalationLevel.LEADING_GROUP_OFFICE, "逾期")).get(0));
        assertEquals(List.of(), Task.decide(escalated, new TaskCommand.Escalate(EscalationLevel.DEPARTMENT, "逾期")));
        assertEquals(1, Task.decide(escalated,
                new TaskCommand.Escalate(EscalationLevel.DISTRICT_GOVERNMENT, "逾期")).size());

        for (TaskStatus settled : List.of(TaskStatus.VERIFIED, TaskStatus.CLOSED)) {
            TaskState done = TaskFixtures.in(settled);
            assertEquals(List.of(), Task.decide(done, new TaskCommand.MarkOverdue()));
            assertEquals(List.of(), Task.decide(done, new TaskCommand.MarkDueSoon(1)));
        }
    }
}

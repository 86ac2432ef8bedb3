package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.ProblemSource;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.contracts.rectification.VerificationMethod;

/**
 * A task as its events left it.
 *
 * @param rounds      verification rounds so far (submissions)
 * @param dueSoonSent the reminders (days before the due date) already sent for the current due date
 * @param overdue     TaskOverdue was emitted for the current due date
 * @param escalation  the highest escalation reached for the current due date
 * @param kind        整改 (a finding) or 报送 (a data gap)
 * @param source      where a problem found outside the evaluation came from; null for the evaluation's findings
 */
public record TaskState(
        UUID taskId,
        String districtCode,
        UUID findingId,
        int period,
        Subject subject,
        IndicatorCode indicator,
        Severity severity,
        String title,
        String gap,
        Department lead,
        List<Department> coDepartments,
        LocalDate dueDate,
        TaskStatus status,
        @Nullable Person responsible,
        int rounds,
        int rejections,
        int percentComplete,
        List<EvidenceReference> evidence,
        Set<Integer> dueSoonSent,
        boolean overdue,
        @Nullable EscalationLevel escalation,
        @Nullable VerificationMethod verification,
        @Nullable ClosureReason closure,
        TaskKind kind,
        @Nullable ProblemSource source) {

    public TaskState {
        coDepartments = List.copyOf(coDepartments);
        evidence = List.copyOf(evidence);
        dueSoonSent = Set.copyOf(dueSoonSent);
    }

    static TaskState opened(TaskOpened e) {
        return new TaskState(e.taskId(), e.districtCode(), e.findingId(), e.period(), e.subject(), e.indicator(),
                e.severity(), e.title(), e.gap(), e.leadDepartment(), e.coDepartments(), e.dueDate(), TaskStatus.OPEN,
                null, 0, 0, 0, List.of(), Set.of(), false, null, null, null, e.kindOrDefault(), e.source());
    }

    /** Every department answerable for the task: the lead and the co-responsible ones. */
    public boolean involves(String departmentCode) {
        return lead.code().equals(departmentCode)
                || coDepartments.stream().anyMatch(department -> department.code().equals(departmentCode));
    }

    TaskState withStatus(TaskStatus value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, value, responsible, rounds, rejections, percentComplete, evidence, dueSoonSent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withResponsible(Person value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, value, rounds, rejections, percentComplete, evidence, dueSoonSent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withProgress(int value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, value, evidence, dueSoonSent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withEvidence(EvidenceReference value) {
        List<EvidenceReference> all = new ArrayList<>(evidence);
        all.add(value);
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, percentComplete, all, dueSoonSent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withRounds(int submitted, int rejected) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, submitted, rejected, percentComplete, evidence,
                dueSoonSent, overdue, escalation, verification, closure, kind, source);
    }

    /** A new due date starts the reminders, the overdue mark and the escalation afresh. */
    TaskState withDueDate(LocalDate value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, value, status, responsible, rounds, rejections, percentComplete, evidence, Set.of(),
                false, null, verification, closure, kind, source);
    }

    TaskState withLead(Department value) {
        List<Department> co = coDepartments.stream().filter(d -> !d.code().equals(value.code())).toList();
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, value,
                co, dueDate, status, responsible, rounds, rejections, percentComplete, evidence, dueSoonSent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withDueSoonSent(int daysLeft) {
        Set<Integer> sent = new TreeSet<>(dueSoonSent);
        sent.add(daysLeft);
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, percentComplete, evidence, sent,
                overdue, escalation, verification, closure, kind, source);
    }

    TaskState withOverdue() {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, percentComplete, evidence,
                dueSoonSent, true, escalation, verification, closure, kind, source);
    }

    TaskState withEscalation(EscalationLevel value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, percentComplete, evidence,
                dueSoonSent, overdue, value, verification, closure, kind, source);
    }

    TaskState withVerification(VerificationMethod value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, TaskStatus.VERIFIED, responsible, rounds, rejections, percentComplete,
                evidence, dueSoonSent, overdue, escalation, value, closure, kind, source);
    }

    TaskState withoutVerification() {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, status, responsible, rounds, rejections, percentComplete, evidence,
                dueSoonSent, overdue, escalation, null, closure, kind, source);
    }

    TaskState withClosure(ClosureReason value) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, dueDate, TaskStatus.CLOSED, responsible, rounds, rejections, percentComplete,
                evidence, dueSoonSent, overdue, escalation, verification, value, kind, source);
    }

    /** Reopened: back to the department, verification and closure forgotten. */
    TaskState reopened(LocalDate newDueDate) {
        return new TaskState(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, lead,
                coDepartments, newDueDate, TaskStatus.IN_PROGRESS, responsible, rounds, rejections, percentComplete,
                evidence, Set.of(), false, null, null, null, kind, source);
    }
}

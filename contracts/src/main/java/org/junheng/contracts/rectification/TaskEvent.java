package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;

/**
 * A rectification task (整改任务): one per finding, worked by the responsible department and verified by the
 * supervision office; one stream per task, keyed by the task id. Every event carries the finding id so the history of
 * a finding can be assembled across services without a lookup.
 */
public sealed interface TaskEvent extends PublishedEvent {

    UUID taskId();

    UUID findingId();

    @Override
    default String messageKey() {
        return taskId().toString();
    }

    @JsonClassDescription("整改任务下达: a task is opened for a finding and given to the lead department")
    record TaskOpened(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("reporting year of the finding") int period,
            Subject subject,
            IndicatorCode indicator,
            Severity severity,
            @JsonPropertyDescription("Chinese title, e.g. 重庆市大渡口区实验小学生均教学及辅助用房面积未达标") String title,
            @JsonPropertyDescription("Chinese description of the gap, copied from the finding") String gap,
            @JsonPropertyDescription("牵头单位") Department leadDepartment,
            @JsonPropertyDescription("配合单位") List<Department> coDepartments,
            @JsonPropertyDescription("整改期限") LocalDate dueDate,
            @Nullable @JsonPropertyDescription("整改 (a finding to rectify) or 报送 (data a readiness reason lacks; the "
                    + "finding id is then the data gap's); absent means 整改") TaskKind kind,
            @Nullable @JsonPropertyDescription("where a problem found outside the evaluation came from (市级督导评估反馈, "
                    + "国家认定反馈, 督学检查, 群众反映) with its document number and date; absent for the evaluation's own "
                    + "findings") ProblemSource source) implements TaskEvent {

        public TaskOpened {
            coDepartments = List.copyOf(coDepartments);
        }

        /** A rectification task (整改) for a finding. */
        public TaskOpened(UUID taskId, String districtCode, UUID findingId, int period, Subject subject,
                          IndicatorCode indicator, Severity severity, String title, String gap,
                          Department leadDepartment, List<Department> coDepartments, LocalDate dueDate) {
            this(taskId, districtCode, findingId, period, subject, indicator, severity, title, gap, leadDepartment,
                    coDepartments, dueDate, null, null);
        }

        public TaskKind kindOrDefault() {
            return kind == null ? TaskKind.RECTIFICATION : kind;
        }
    }

    @JsonClassDescription("任务分派: the department names the person responsible (责任人)")
    record TaskAssigned(
            UUID taskId,
            String districtCode,
            UUID findingId,
            Department department,
            @JsonPropertyDescription("责任人") Person responsible) implements TaskEvent {
    }

    @JsonClassDescription("提交整改方案: the department's plan with dated milestones")
    record PlanSubmitted(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("整改措施, Chinese text") String measures,
            List<Milestone> milestones,
            @JsonPropertyDescription("计划完成日期") LocalDate plannedCompletion,
            Person submittedBy) implements TaskEvent {

        public PlanSubmitted {
            milestones = List.copyOf(milestones);
        }
    }

    @JsonClassDescription("报告整改进展")
    record ProgressReported(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("0–100") int percentComplete,
            @JsonPropertyDescription("进展情况, Chinese text") String description,
            Person reportedBy) implements TaskEvent {
    }

    @JsonClassDescription("上传佐证材料: a document proving the fix, pinned by its SHA-256")
    record EvidenceAttached(
            UUID taskId,
            String districtCode,
            UUID findingId,
            EvidenceReference evidence,
            Person uploader) implements TaskEvent {
    }

    @JsonClassDescription("提交核验: the department declares the fix done and asks the supervision office to verify")
    record SubmittedForVerification(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("verification round, 1 for the first submission") int round,
            @JsonPropertyDescription("整改情况说明") String summary,
            Person submittedBy) implements TaskEvent {
    }

    @JsonClassDescription("核验通过: the fix is confirmed by a supervisor's judgment or by data")
    record TaskVerified(
            UUID taskId,
            String districtCode,
            UUID findingId,
            VerificationMethod method,
            @Nullable @JsonPropertyDescription("督学; null when verified by data") Person verifier,
            @Nullable @JsonPropertyDescription("核验意见") String comment,
            @Nullable @JsonPropertyDescription("true when verified by data or attestation and the supervision office "
                    + "still signs it off (复核销号: close or reject); absent when nothing waits") Boolean awaitingReview)
            implements TaskEvent {

        /** A verification that waits for no review (the office's own judgment, or a district without 复核). */
        public TaskVerified(UUID taskId, String districtCode, UUID findingId, VerificationMethod method,
                            @Nullable Person verifier, @Nullable String comment) {
            this(taskId, districtCode, findingId, method, verifier, comment, null);
        }

        public boolean awaitsReview() {
            return Boolean.TRUE.equals(awaitingReview);
        }
    }

    @JsonClassDescription("核验不通过: the fix is rejected (on submission, or on review before 销号) and the task goes "
            + "back to the department")
    record TaskRejected(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("the verification round rejected") int round,
            @JsonPropertyDescription("退回原因") String reason,
            Person rejectedBy,
            @Nullable @JsonPropertyDescription("true when the office rejected a verification on review before 销号 "
                    + "(复核不通过) rather than a submission; absent otherwise") Boolean review) implements TaskEvent {

        /** A submission rejected (核验不通过). */
        public TaskRejected(UUID taskId, String districtCode, UUID findingId, int round, String reason,
                            Person rejectedBy) {
            this(taskId, districtCode, findingId, round, reason, rejectedBy, null);
        }

        public boolean onReview() {
            return Boolean.TRUE.equals(review);
        }
    }

    @JsonClassDescription("延期: the due date moves, with the reason and who approved it")
    record DeadlineExtended(
            UUID taskId,
            String districtCode,
            UUID findingId,
            LocalDate previousDueDate,
            LocalDate newDueDate,
            @JsonPropertyDescription("延期理由") String reason,
            @JsonPropertyDescription("审批人") Person approver) implements TaskEvent {
    }

    @JsonClassDescription("约谈问责: those answerable for a task were summoned to account (约谈) or held accountable (问责)")
    record AccountabilityRecorded(
            UUID taskId,
            String districtCode,
            UUID findingId,
            Accountability kind,
            @JsonPropertyDescription("the unit answerable: the task's lead when recorded") Department department,
            @JsonPropertyDescription("who was summoned or held accountable, with the post, e.g. 王强（区教委副主任）")
            String person,
            @JsonPropertyDescription("the day of the interview or decision") LocalDate date,
            @JsonPropertyDescription("why, Chinese text") String reason,
            @Nullable @JsonPropertyDescription("what came of it (表态、整改承诺、处理决定), Chinese text") String outcome,
            @JsonPropertyDescription("who recorded it") Person recordedBy) implements TaskEvent {
    }

    @JsonClassDescription("任务逾期: the due date passed before verification")
    record TaskOverdue(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("the department responsible") Department department,
            LocalDate dueDate) implements TaskEvent {
    }

    @JsonClassDescription("督办升级: a late or stuck task is raised to a higher level")
    record TaskEscalated(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("the department responsible") Department department,
            EscalationLevel level,
            @JsonPropertyDescription("督办理由") String reason) implements TaskEvent {
    }

    @JsonClassDescription("任务关闭 (销号)")
    record TaskClosed(
            UUID taskId,
            String districtCode,
            UUID findingId,
            ClosureReason reason,
            @Nullable String note) implements TaskEvent {
    }

    @JsonClassDescription("任务改派: the task moves to another lead department")
    record TaskReassigned(
            UUID taskId,
            String districtCode,
            UUID findingId,
            Department fromDepartment,
            Department toDepartment,
            @JsonPropertyDescription("改派理由") String reason,
            @JsonPropertyDescription("审批人") Person approver) implements TaskEvent {
    }

    /** Sent once per threshold (30, 7, 1 days before the due date) and due date; an extension starts them again. */
    @JsonClassDescription("临期提醒: the due date is near and the task is not yet verified")
    record TaskDueSoon(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("the department responsible") Department department,
            LocalDate dueDate,
            @JsonPropertyDescription("days left until the due date: 30, 7 or 1") int daysLeft) implements TaskEvent {
    }

    /**
     * The finding is unmet again (corrected data, a revoked attestation) after the task was verified or closed; the
     * task goes back to the department.
     */
    @JsonClassDescription("任务重新打开: the finding is unmet again, the department works the task again")
    record TaskReopened(
            UUID taskId,
            String districtCode,
            UUID findingId,
            @JsonPropertyDescription("重新打开原因, Chinese") String reason,
            @JsonPropertyDescription("新的整改期限") LocalDate dueDate) implements TaskEvent {
    }
}

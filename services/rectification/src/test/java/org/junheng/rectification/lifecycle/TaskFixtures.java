package org.junheng.rectification.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.VerificationMethod;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/** Tasks in every status, built from events as the log would hold them. */
public final class TaskFixtures {

    public static final UUID TASK = UUID.fromString("7b0e2f6a-3c1d-4a55-9a0b-2f4f4c1a9e01");
    public static final UUID FINDING = UUID.fromString("1c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f");
    public static final LocalDate DUE = LocalDate.of(2025, 3, 31);
    public static final Person HEAD = new Person("u-jw-17", "李明");
    public static final Person SUPERVISOR = new Person("u-ddr-03", "王督学");
    public static final EvidenceReference PHOTO = new EvidenceReference("运动场改造竣工照片.pdf",
            "b7a1c0d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0",
            "s3://junheng-evidence/500104/tasks/photo.pdf");

    private TaskFixtures() {
    }

    public static TaskOpened opened() {
        return new TaskOpened(TASK, "500104", FINDING, 2024,
                Subject.schoolSection("2150202506", "重庆市大渡口区实验小学", Section.P), IndicatorCode.RA5,
                Severity.BREAKS_SCHOOL_PASS_RULE, "重庆市大渡口区实验小学生均体育运动场馆面积未达标",
                "生均体育运动场馆面积6.12㎡，低于标准7.5㎡", ResponsibilityMatrix.EDUCATION_COMMISSION,
                List.of(ResponsibilityMatrix.FINANCE, ResponsibilityMatrix.STREETS_AND_TOWNS), DUE);
    }

    /** The events that bring a new task to {@code status}. */
    public static List<TaskEvent> historyTo(TaskStatus status) {
        List<TaskEvent> events = new ArrayList<>();
        events.add(opened());
        if (status == TaskStatus.OPEN) {
            return events;
        }
        events.add(new TaskEvent.TaskAssigned(TASK, "500104", FINDING, ResponsibilityMatrix.EDUCATION_COMMISSION, HEAD));
        if (status == TaskStatus.ASSIGNED) {
            return events;
        }
        events.add(new TaskEvent.PlanSubmitted(TASK, "500104", FINDING, "租用校外场地并改造屋顶运动场", List.of(),
                LocalDate.of(2025, 2, 28), HEAD));
        if (status == TaskStatus.PLANNED) {
            return events;
        }
        events.add(new TaskEvent.ProgressReported(TASK, "500104", FINDING, 60, "屋顶运动场完成主体施工", HEAD));
        events.add(new TaskEvent.EvidenceAttached(TASK, "500104", FINDING, PHOTO, HEAD));
        if (status == TaskStatus.IN_PROGRESS) {
            return events;
        }
        events.add(new TaskEvent.SubmittedForVerification(TASK, "500104", FINDING, 1, "已完成改造", HEAD));
        if (status == TaskStatus.SUBMITTED) {
            return events;
        }
        events.add(new TaskEvent.TaskVerified(TASK, "500104", FINDING, VerificationMethod.JUDGMENT, SUPERVISOR, "属实"));
        if (status == TaskStatus.VERIFIED) {
            return events;
        }
        events.add(new TaskEvent.TaskClosed(TASK, "500104", FINDING,
                org.junheng.contracts.rectification.ClosureReason.RECTIFIED, null));
        return events;
    }

    public static TaskState in(TaskStatus status) {
        return Task.fold(historyTo(status));
    }

}

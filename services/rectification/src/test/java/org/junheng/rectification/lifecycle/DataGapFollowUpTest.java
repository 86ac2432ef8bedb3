package org.junheng.rectification.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junit.jupiter.api.Test;

class DataGapFollowUpTest {

    static final LocalDate TODAY = LocalDate.of(2024, 10, 8);
    static final UUID TASK = UUID.fromString("00000000-0000-4000-8000-00000000da7a");

    static ReadinessChanged readiness(ReadinessReason... reasons) {
        return new ReadinessChanged("500104", 2024, "CN-2017", false, List.of(reasons), 3);
    }

    static final ReadinessReason PAY_MISSING = new ReadinessReason(IndicatorCode.GG8,
            "GG8 教师平均工资收入水平：未报送教师与公务员年平均工资收入", ReadinessReason.Kind.DATA_MISSING);
    static final ReadinessReason CARE_AWAITING = new ReadinessReason(IndicatorCode.GG15_CARE,
            "GG15-CARE 留守儿童关爱体系：待督导认定", ReadinessReason.Kind.AWAITING_ATTESTATION);
    static final ReadinessReason VETO_AWAITING = new ReadinessReason(IndicatorCode.V2,
            "V2 违规择校：待声明", ReadinessReason.Kind.AWAITING_ATTESTATION);

    static TaskOpened open(ReadinessReason reason) {
        DataGapFollowUp.Gap gap = DataGapFollowUp.gaps(readiness(reason)).get(0);
        var command = assertInstanceOf(TaskCommand.Open.class, DataGapFollowUp.stillMissing(gap, null, TASK,
                ResponsibilityMatrix.standard(), Campaign.standard(), TODAY).get(0));
        return command.opened();
    }

    @Test
    void onlyMissingDataAndAttestationsThatNameAnIndicatorBecomeTasks() {
        var gaps = DataGapFollowUp.gaps(readiness(PAY_MISSING, CARE_AWAITING,
                new ReadinessReason(IndicatorCode.GG5, "GG5 班额：3个学校学段未达标", ReadinessReason.Kind.UNMET),
                new ReadinessReason(null, "2所学校未报送2024年统计数据", ReadinessReason.Kind.DATA_MISSING),
                new ReadinessReason(IndicatorCode.GG9, "GG9 教师培训：2个学校无法评估", ReadinessReason.Kind.DATA_MISSING),
                new ReadinessReason(IndicatorCode.GG9, "GG9 教师培训：1个学校无法评估（另一原因）",
                        ReadinessReason.Kind.DATA_MISSING),
                // the schools' forms: asked for by the forms, not by a 报送 task
                new ReadinessReason(IndicatorCode.CV_RA1_J, "CV-RA1-J：2所学校未报送，系数不完整",
                        ReadinessReason.Kind.DATA_MISSING),
                new ReadinessReason(IndicatorCode.RA_SCHOOL, "RA-SCHOOL：1个学校学段无法评估",
                        ReadinessReason.Kind.DATA_MISSING)));
        assertEquals(List.of(IndicatorCode.GG8, IndicatorCode.GG15_CARE, IndicatorCode.GG9),
                gaps.stream().map(DataGapFollowUp.Gap::indicator).toList());
        assertTrue(gaps.get(2).text().contains("2个学校无法评估；GG9 教师培训：1个学校"), gaps.get(2).text());
    }

    @Test
    void missingFiguresGoToTheUnitOwningThemDueByTheEndOfConsolidation() {
        TaskOpened opened = open(PAY_MISSING);
        assertEquals(TaskKind.DATA_SUBMISSION, opened.kind());
        assertEquals("rs", opened.leadDepartment().code(), "GG8 is the human resources bureau's in the matrix");
        assertEquals(List.of("cz"), opened.coDepartments().stream().map(Department::code).toList());
        assertEquals("报送教师平均工资收入所需数据", opened.title());
        assertEquals(PAY_MISSING.text(), opened.gap());
        assertEquals(LocalDate.of(2025, 3, 31), opened.dueDate());
        assertEquals(SubjectLevel.COUNTY, opened.subject().level());
        assertEquals(DataGapFollowUp.gapId("500104", 2024, IndicatorCode.GG8, ReadinessReason.Kind.DATA_MISSING),
                opened.findingId());
        assertNotEquals(opened.findingId(),
                DataGapFollowUp.gapId("500104", 2025, IndicatorCode.GG8, ReadinessReason.Kind.DATA_MISSING));
    }

    @Test
    void attestationsGoToTheOfficeAndVetoDeclarationsToTheLeadingGroupsOffice() {
        assertEquals(Department.SUPERVISION_OFFICE, open(CARE_AWAITING).leadDepartment());
        TaskOpened veto = open(VETO_AWAITING);
        assertEquals(Department.LEADING_GROUP_OFFICE, veto.leadDepartment());
        assertTrue(veto.title().contains("一票否决"), veto.title());
        // a declaration submitted as figures is the leading group's office's as well
        assertEquals(Department.LEADING_GROUP_OFFICE, open(new ReadinessReason(IndicatorCode.V4,
                "V4 “有编不补”：未报送一票否决情况声明", ReadinessReason.Kind.DATA_MISSING)).leadDepartment());
    }

    @Test
    void aGapFoundLateGetsThirtyDays() {
        assertEquals(LocalDate.of(2025, 5, 1), Campaign.standard().dataDueDate(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void theDataArrivingClosesTheTaskOnceAndAGapReturningReopensIt() {
        List<TaskEvent> history = new ArrayList<>(List.of(open(PAY_MISSING)));
        TaskState open = Task.fold(history);
        DataGapFollowUp.Gap gap = DataGapFollowUp.gaps(readiness(PAY_MISSING)).get(0);
        assertEquals(List.of(), DataGapFollowUp.stillMissing(gap, open, TASK, ResponsibilityMatrix.standard(),
                Campaign.standard(), TODAY), "still missing, still open: nothing new");

        List<TaskEvent> closed = Task.decide(open, DataGapFollowUp.arrived(open).get(0));
        assertEquals(ClosureReason.DATA_SUBMITTED, ((TaskEvent.TaskClosed) closed.get(0)).reason());
        history.addAll(closed);
        TaskState done = Task.fold(history);
        assertEquals(TaskStatus.CLOSED, done.status());
        assertEquals(List.of(), Task.decide(done, new TaskCommand.DataArrived()));
        assertEquals(List.of(), DataGapFollowUp.arrived(null), "never opened: nothing to close");

        var reopen = assertInstanceOf(TaskCommand.Reopen.class, DataGapFollowUp.stillMissing(gap, done, TASK,
                ResponsibilityMatrix.standard(), Campaign.standard(), TODAY).get(0));
        assertTrue(reopen.reason().startsWith("所需数据再次缺失"), reopen.reason());
        assertEquals(TaskKind.DATA_SUBMISSION, done.kind());
    }
}

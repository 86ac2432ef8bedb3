package org.junheng.rectification.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junit.jupiter.api.Test;

/** A finding's news becomes the commands for its task: open, reopen, close by data — or nothing. */
class FindingFollowUpTest {

    static final LocalDate TODAY = LocalDate.of(2024, 10, 8);
    static final Subject SCHOOL = Subject.schoolSection("2150202506", "重庆市大渡口区实验小学", Section.P);
    static final FindingEvent.FindingRaised RAISED = new FindingEvent.FindingRaised(TaskFixtures.FINDING, "500104",
            2024, SCHOOL, IndicatorCode.RA5, new BigDecimal("6.12"), new BigDecimal("7.5"),
            "生均体育运动场馆面积6.12㎡，低于标准7.5㎡", Severity.BREAKS_SCHOOL_PASS_RULE, "CN-2017");

    static List<TaskCommand> follow(FindingEvent finding, TaskState task) {
        return FindingFollowUp.commandsFor(finding, task, TaskFixtures.TASK, ResponsibilityMatrix.standard(),
                Campaign.standard(), TODAY);
    }

    @Test
    void aRaisedFindingOpensATaskSayingWhereWhatWhoAndWhen() {
        var open = assertInstanceOf(TaskCommand.Open.class, follow(RAISED, null).get(0));
        var matrix = ResponsibilityMatrix.standard().responsibleFor(IndicatorCode.RA5);
        assertEquals("重庆市大渡口区实验小学" + Section.P.label() + IndicatorCode.RA5.shortName() + "未达标",
                open.opened().title());
        assertEquals(matrix.lead(), open.opened().leadDepartment());
        assertEquals(matrix.coDepartments(), open.opened().coDepartments());
        assertEquals(Campaign.standard().dueDate(IndicatorCode.RA5, TODAY), open.opened().dueDate());
        assertEquals(TaskFixtures.TASK, open.opened().taskId());
    }

    @Test
    void aReopenedFindingReopensItsTaskOrOpensOneForAnEarlierYearsFinding() {
        var reopened = new FindingEvent.FindingReopened(TaskFixtures.FINDING, "500104", 2024, SCHOOL, IndicatorCode.RA5,
                null, null, "再次未达标", Severity.BREAKS_SCHOOL_PASS_RULE, "CN-2017", "数据更正后再次未达标");
        var reopen = assertInstanceOf(TaskCommand.Reopen.class,
                follow(reopened, TaskFixtures.in(TaskStatus.CLOSED)).get(0));
        assertEquals(Campaign.standard().dueDate(IndicatorCode.RA5, TODAY), reopen.newDueDate());
        assertInstanceOf(TaskCommand.Open.class, follow(reopened, null).get(0));
    }

    @Test
    void aResolvedFindingResolvesItsTaskForTheOfficesReviewAndWithoutATaskDoesNothing() {
        var resolved = new FindingEvent.FindingResolved(TaskFixtures.FINDING, "500104", 2024, SCHOOL,
                IndicatorCode.RA5, ResolutionBasis.DATA, new BigDecimal("7.6"), new BigDecimal("7.5"), "CN-2017");
        assertEquals(List.of(new TaskCommand.FindingResolved(ResolutionBasis.DATA, true)),
                follow(resolved, TaskFixtures.in(TaskStatus.IN_PROGRESS)));
        assertEquals(List.of(), follow(resolved, null));
        Campaign withoutReview = new Campaign(List.of(), LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90, 180,
                false);
        assertEquals(List.of(new TaskCommand.FindingResolved(ResolutionBasis.DATA, false)),
                FindingFollowUp.commandsFor(resolved, TaskFixtures.in(TaskStatus.IN_PROGRESS), TaskFixtures.TASK,
                        ResponsibilityMatrix.standard(), withoutReview, TODAY));
    }
}

package org.junheng.notices.rules;

import static org.junheng.notices.rules.TaskFixtures.CLERK;
import static org.junheng.notices.rules.TaskFixtures.CZ;
import static org.junheng.notices.rules.TaskFixtures.DISTRICT;
import static org.junheng.notices.rules.TaskFixtures.FINDING;
import static org.junheng.notices.rules.TaskFixtures.GAP;
import static org.junheng.notices.rules.TaskFixtures.GH;
import static org.junheng.notices.rules.TaskFixtures.INSPECTOR;
import static org.junheng.notices.rules.TaskFixtures.JW;
import static org.junheng.notices.rules.TaskFixtures.OPENED;
import static org.junheng.notices.rules.TaskFixtures.SCHOOL_CODE;
import static org.junheng.notices.rules.TaskFixtures.SCHOOL_NAME;
import static org.junheng.notices.rules.TaskFixtures.TASK;
import static org.junheng.notices.rules.TaskFixtures.TITLE;
import static org.junheng.notices.rules.TaskFixtures.expectedNoticeId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeAcknowledged;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.Milestone;
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
import org.junit.jupiter.api.Test;

class NoticeRulesTest {

    static final String EVENT_ID = "0b6f3a52-9d1e-4c7a-8f00-00000000e001";
    static final Audience OFFICE = new Audience(AudienceKind.SUPERVISION_OFFICE, null);
    static final Audience LEADING_GROUP = new Audience(AudienceKind.LEADING_GROUP, null);
    static final Audience DEPT_JW = new Audience(AudienceKind.DEPARTMENT, "jw");
    static final Audience DEPT_CZ = new Audience(AudienceKind.DEPARTMENT, "cz");
    static final Audience DEPT_GH = new Audience(AudienceKind.DEPARTMENT, "gh");
    static final UUID F1 = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    static final UUID F2 = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
    static final UUID F3 = UUID.fromString("00000000-0000-4000-8000-0000000000f3");
    static final UUID F4 = UUID.fromString("00000000-0000-4000-8000-0000000000f4");

    final NoticeRules withFacts = new NoticeRules(new InMemoryTaskFacts().apply(OPENED));
    final NoticeRules withoutFacts = new NoticeRules(TaskFacts.none());

    static List<Audience> audiences(List<NoticeIssued> notices) {
        return notices.stream().map(NoticeIssued::audience).toList();
    }

    static NoticeIssued only(List<NoticeIssued> notices) {
        assertEquals(1, notices.size(), () -> "expected one notice, got " + notices);
        return notices.get(0);
    }

    static void assertAboutTheTask(NoticeIssued notice) {
        assertEquals(List.of(TASK), notice.taskIds());
        assertEquals(List.of(FINDING), notice.findingIds());
        assertEquals(List.of(SCHOOL_CODE), notice.schoolCodes());
        assertEquals(DISTRICT, notice.districtCode());
        assertTrue(notice.title().contains(TITLE), notice.title());
        assertTrue(notice.body().contains(GAP), notice.body());
        assertTrue(notice.body().contains("生均教学及辅助用房面积（RA4）"), notice.body());
        assertNull(notice.issuedBy(), "automatic notices have no issuer");
    }

    // --- evaluation -------------------------------------------------------------------------------------------

    static EvaluationCompleted completed(List<UUID> raised, List<UUID> reopened, List<UUID> resolved) {
        return new EvaluationCompleted(DISTRICT, 2024, "CN-2017", 41, 2, raised, reopened, resolved, 15, false);
    }

    @Test
    void anEvaluationRunThatChangedFindingsGivesTheOfficeOneDigest() {
        NoticeIssued digest = only(withFacts.noticesFor(EVENT_ID, completed(List.of(F1, F2), List.of(F3), List.of(F4))));

        assertEquals(OFFICE, digest.audience());
        assertEquals(NoticeKind.FINDINGS_DIGEST, digest.kind());
        assertEquals(NoticeSeverity.WARNING, digest.severity());
        assertEquals(List.of(F1, F2, F3, F4), digest.findingIds());
        assertEquals(List.of(), digest.taskIds());
        assertEquals(expectedNoticeId(EVENT_ID, "SUPERVISION_OFFICE"), digest.noticeId());
        assertEquals("2024年度评估问题清单：新发现2项，重新打开1项，销号1项", digest.title());
        assertTrue(digest.body().contains("尚未整改到位的问题共15项"), digest.body());
        assertTrue(digest.body().contains("2所学校未报送"), digest.body());
        assertTrue(digest.body().contains("尚不具备市级验收条件"), digest.body());
    }

    @Test
    void aRunThatOnlyResolvedFindingsIsInformation() {
        NoticeIssued digest = only(withFacts.noticesFor(EVENT_ID, completed(List.of(), List.of(), List.of(F4))));
        assertEquals(NoticeSeverity.INFO, digest.severity());
        assertEquals(List.of(F4), digest.findingIds());
    }

    @Test
    void aRunThatChangedNoFindingGivesNothing() {
        assertEquals(List.of(), withFacts.noticesFor(EVENT_ID, completed(List.of(), List.of(), List.of())));
    }

    static FindingReopened reopenedFinding(String reason) {
        return new FindingReopened(FINDING, DISTRICT, 2025, Subject.schoolSection(SCHOOL_CODE, SCHOOL_NAME, Section.P),
                IndicatorCode.RA4, new BigDecimal("4.10"), new BigDecimal("4.5"), GAP,
                Severity.BREAKS_SCHOOL_PASS_RULE, "CN-2017", reason);
    }

    @Test
    void aRegressionUnderDynamicMonitoringIsCriticalForTheOffice() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                reopenedFinding("动态监测：2024年度已整改销号，2025年度数据再次低于标准")));

        assertEquals(OFFICE, notice.audience());
        assertEquals(NoticeKind.REGRESSION, notice.kind());
        assertEquals(NoticeSeverity.CRITICAL, notice.severity());
        assertEquals(List.of(FINDING), notice.findingIds());
        assertEquals(List.of(SCHOOL_CODE), notice.schoolCodes());
        assertTrue(notice.title().contains(SCHOOL_NAME + "（小学）"), notice.title());
        assertTrue(notice.title().contains("生均教学及辅助用房面积（RA4）"), notice.title());
        assertTrue(notice.body().contains(GAP), notice.body());
        assertTrue(notice.body().contains("2025年度"), notice.body());
    }

    @Test
    void otherFindingEventsAreLeftToTheDigest() {
        Subject school = Subject.school(SCHOOL_CODE, SCHOOL_NAME);
        List<PublishedEvent> events = List.of(
                reopenedFinding("数据更正后再次未达标"),
                new FindingRaised(FINDING, DISTRICT, 2024, school, IndicatorCode.GG3, null, null, "无美术专用教室",
                        Severity.BREAKS_SCHOOL_PASS_RULE, "CN-2017"),
                new FindingResolved(FINDING, DISTRICT, 2024, school, IndicatorCode.GG3, ResolutionBasis.ATTESTATION,
                        null, null, "CN-2017"));
        for (PublishedEvent event : events) {
            assertEquals(List.of(), withFacts.noticesFor(EVENT_ID, event), event.toString());
        }
    }

    @Test
    void aCountyNoLongerReadyWarnsTheOfficeAndTheLeadingGroupWithTheReasons() {
        ReadinessChanged changed = new ReadinessChanged(DISTRICT, 2024, "CN-2017", false, List.of(
                new ReadinessReason(IndicatorCode.CV_RA4_J, "CV-RA4-J " + IndicatorCode.CV_RA4_J.shortName()
                        + "：初中差异系数0.52，高于0.45"),
                new ReadinessReason(null, "2个学校学段未达到校级资源配置标准")), 7);
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID, changed);

        assertEquals(List.of(OFFICE, LEADING_GROUP), audiences(notices));
        for (NoticeIssued notice : notices) {
            assertEquals(NoticeKind.READINESS_CHANGED, notice.kind());
            assertEquals(NoticeSeverity.WARNING, notice.severity());
            assertEquals("2024年度全区尚不具备市级验收条件", notice.title());
            // each reason names its item once, as the evaluation wrote it
            assertTrue(notice.body().contains("1. CV-RA4-J " + IndicatorCode.CV_RA4_J.shortName() + "：初中差异系数0.52"),
                    notice.body());
            assertEquals(1, notice.body().split(java.util.regex.Pattern.quote(IndicatorCode.CV_RA4_J.shortName()),
                    -1).length - 1, notice.body());
            assertTrue(notice.body().contains("2. 2个学校学段未达到校级资源配置标准"), notice.body());
            assertTrue(notice.body().contains("共7项"), notice.body());
        }
        assertEquals(expectedNoticeId(EVENT_ID, "LEADING_GROUP"), notices.get(1).noticeId());
        assertNotEquals(notices.get(0).noticeId(), notices.get(1).noticeId());
    }

    @Test
    void aReadyCountyIsInformation() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                new ReadinessChanged(DISTRICT, 2024, "CN-2017", true, List.of(), 0));
        assertEquals(List.of(NoticeSeverity.INFO, NoticeSeverity.INFO),
                notices.stream().map(NoticeIssued::severity).toList());
        assertEquals("2024年度全区已具备市级验收条件", notices.get(0).title());
    }

    // --- tasks ------------------------------------------------------------------------------------------------

    @Test
    void anOpenedTaskGoesToTheLeadAsAWarningAndToEachCoDepartmentAsInformation() {
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID, OPENED);

        assertEquals(List.of(DEPT_JW, DEPT_CZ, DEPT_GH), audiences(notices));
        assertEquals(List.of(NoticeSeverity.WARNING, NoticeSeverity.INFO, NoticeSeverity.INFO),
                notices.stream().map(NoticeIssued::severity).toList());
        notices.forEach(notice -> assertEquals(NoticeKind.TASK_ASSIGNED, notice.kind()));
        notices.forEach(NoticeRulesTest::assertAboutTheTask);
        NoticeIssued lead = notices.get(0);
        assertEquals("整改任务交办：" + TITLE, lead.title());
        assertTrue(lead.body().contains("交由区教委牵头"), lead.body());
        assertTrue(lead.body().contains("配合单位：区财政局、区规划自然资源局"), lead.body());
        assertTrue(lead.body().contains("整改期限：2025年6月30日"), lead.body());
        assertTrue(notices.get(1).body().contains("请区财政局作为配合单位"), notices.get(1).body());
        assertEquals(expectedNoticeId(EVENT_ID, "DEPARTMENT/cz"), notices.get(1).noticeId());
    }

    @Test
    void aVetoItemTaskIsCriticalForTheLead() {
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID, TaskFixtures.opened(Severity.VETO));
        assertEquals(NoticeSeverity.CRITICAL, notices.get(0).severity());
        assertEquals(NoticeSeverity.INFO, notices.get(1).severity());
    }

    @Test
    void aReassignedTaskIsAnnouncedToTheNewLead() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskReassigned(TASK, DISTRICT, FINDING, JW, CZ, "用房改造由财政统筹", INSPECTOR)));
        assertEquals(DEPT_CZ, notice.audience());
        assertEquals(NoticeKind.TASK_ASSIGNED, notice.kind());
        assertEquals(NoticeSeverity.WARNING, notice.severity());
        assertTrue(notice.body().contains("由区教委改由区财政局牵头"), notice.body());
        assertTrue(notice.body().contains("用房改造由财政统筹"), notice.body());
        assertAboutTheTask(notice);
    }

    @Test
    void aSubmissionAsksTheOfficeToVerify() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new SubmittedForVerification(TASK, DISTRICT, FINDING, 2, "已新建综合楼，用房面积达标", CLERK)));
        assertEquals(OFFICE, notice.audience());
        assertEquals(NoticeKind.VERIFICATION_REQUESTED, notice.kind());
        assertEquals(NoticeSeverity.INFO, notice.severity());
        assertTrue(notice.title().endsWith("（第2轮）"), notice.title());
        assertTrue(notice.body().startsWith("区教委（李军）"), notice.body());
        assertTrue(notice.body().contains("已新建综合楼，用房面积达标"), notice.body());
        assertAboutTheTask(notice);
    }

    @Test
    void aRejectionWarnsTheLeadWithReasonAndRound() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskRejected(TASK, DISTRICT, FINDING, 1, "佐证材料缺少竣工验收报告", INSPECTOR)));
        assertEquals(DEPT_JW, notice.audience());
        assertEquals(NoticeKind.VERIFICATION_RESULT, notice.kind());
        assertEquals(NoticeSeverity.WARNING, notice.severity());
        assertTrue(notice.body().contains("第1轮核验未通过（核验人：王敏）"), notice.body());
        assertTrue(notice.body().contains("退回原因：佐证材料缺少竣工验收报告"), notice.body());
        assertAboutTheTask(notice);
    }

    @Test
    void aVerificationByDataSaysSo() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskVerified(TASK, DISTRICT, FINDING, VerificationMethod.DATA, null, null)));
        assertEquals(DEPT_JW, notice.audience());
        assertEquals(NoticeKind.VERIFICATION_RESULT, notice.kind());
        assertEquals(NoticeSeverity.INFO, notice.severity());
        assertTrue(notice.body().contains("经数据复核"), notice.body());
        assertAboutTheTask(notice);
    }

    @Test
    void aVerificationByDataAwaitingReviewAsksTheOfficeToSignItOff() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                new TaskVerified(TASK, DISTRICT, FINDING, VerificationMethod.DATA, null, "新报数据达标", true));
        assertEquals(List.of(DEPT_JW, OFFICE), notices.stream().map(NoticeIssued::audience).toList());
        assertTrue(notices.get(0).body().endsWith("待督导室复核后销号。"), notices.get(0).body());
        NoticeIssued office = notices.get(1);
        assertEquals(NoticeKind.VERIFICATION_REQUESTED, office.kind());
        assertEquals("待复核销号：" + TITLE, office.title());
        assertTrue(office.body().contains("属实的予以销号，不属实的退回重新整改"), office.body());
        assertAboutTheTask(office);
    }

    @Test
    void aRejectionOnReviewSaysTheVerificationWasNotSignedOff() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskRejected(TASK, DISTRICT, FINDING, 0, "新报数据与现场核查不符", INSPECTOR, true)));
        assertEquals(DEPT_JW, notice.audience());
        assertEquals("复核未通过：" + TITLE, notice.title());
        assertTrue(notice.body().contains("经督导室复核，核验结论不予认可，不予销号（复核人：王敏）"), notice.body());
        assertFalse(notice.body().contains("第0轮"), notice.body());
    }

    @Test
    void aClosedTaskIsToldToTheLeadEachHelperAndTheSchool() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                new TaskClosed(TASK, DISTRICT, FINDING, ClosureReason.RECTIFIED, "复核数据无误，予以销号"));
        assertEquals(List.of(DEPT_JW, DEPT_CZ, DEPT_GH, new Audience(AudienceKind.SCHOOL, SCHOOL_CODE)),
                notices.stream().map(NoticeIssued::audience).toList());
        for (NoticeIssued notice : notices) {
            assertEquals(NoticeKind.TASK_CLOSED, notice.kind());
            assertEquals(NoticeSeverity.INFO, notice.severity());
            assertEquals("任务销号：" + TITLE, notice.title());
            assertTrue(notice.body().contains("已整改销号。说明：复核数据无误，予以销号。"), notice.body());
            assertAboutTheTask(notice);
        }
        NoticeIssued dropped = withFacts.noticesFor(EVENT_ID, new TaskClosed(TASK, DISTRICT, FINDING,
                ClosureReason.NO_LONGER_APPLICABLE, null)).get(0);
        assertEquals("任务关闭：" + TITLE, dropped.title());
        assertTrue(dropped.body().contains("因问题不再适用而关闭"), dropped.body());
        // without the facts, the office hears of it rather than nobody
        assertEquals(List.of(OFFICE), withoutFacts.noticesFor(EVENT_ID, new TaskClosed(TASK, DISTRICT, FINDING,
                ClosureReason.RECTIFIED, null)).stream().map(NoticeIssued::audience).toList());
    }

    @Test
    void aVerificationByJudgmentNamesTheInspector() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskVerified(TASK, DISTRICT, FINDING, VerificationMethod.JUDGMENT, INSPECTOR, "现场核查属实")));
        assertTrue(notice.body().contains("经督导核验（核验人：王敏）确认整改到位"), notice.body());
        assertTrue(notice.body().contains("核验意见：现场核查属实"), notice.body());
        assertFalse(notice.body().contains("数据复核"), notice.body());
    }

    static TaskDueSoon dueSoon(int daysLeft) {
        return new TaskDueSoon(TASK, DISTRICT, FINDING, JW, TaskFixtures.DUE, daysLeft);
    }

    @Test
    void remindersGrowUrgentAsTheDueDateNears() {
        assertEquals(NoticeSeverity.INFO, only(withFacts.noticesFor(EVENT_ID, dueSoon(30))).severity());
        assertEquals(NoticeSeverity.WARNING, only(withFacts.noticesFor(EVENT_ID, dueSoon(7))).severity());
        NoticeIssued last = only(withFacts.noticesFor(EVENT_ID, dueSoon(1)));
        assertEquals(NoticeSeverity.WARNING, last.severity());
        assertEquals(NoticeKind.REMINDER, last.kind());
        assertEquals(DEPT_JW, last.audience());
        assertTrue(last.body().contains("将于2025年6月30日到期（剩余1天）"), last.body());
        assertAboutTheTask(last);
    }

    @Test
    void anOverdueTaskWarnsTheDepartmentAndTheOffice() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                new TaskOverdue(TASK, DISTRICT, FINDING, JW, TaskFixtures.DUE));
        assertEquals(List.of(DEPT_JW, OFFICE), audiences(notices));
        for (NoticeIssued notice : notices) {
            assertEquals(NoticeKind.OVERDUE_WARNING, notice.kind());
            assertEquals(NoticeSeverity.WARNING, notice.severity());
            assertTrue(notice.body().contains("已于2025年6月30日到期"), notice.body());
            assertAboutTheTask(notice);
        }
    }

    @Test
    void anEscalationToTheDepartmentHeadGoesToTheDepartmentAndTheOffice() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                new TaskEscalated(TASK, DISTRICT, FINDING, JW, EscalationLevel.DEPARTMENT, "逾期30天"));
        assertEquals(List.of(DEPT_JW, OFFICE), audiences(notices));
        notices.forEach(notice -> assertEquals(NoticeSeverity.CRITICAL, notice.severity()));
        notices.forEach(notice -> assertEquals(NoticeKind.SUPERVISION_ORDER, notice.kind()));
        assertTrue(notices.get(0).title().startsWith("督办通知（责任单位主要负责人）"), notices.get(0).title());
    }

    @Test
    void anEscalationToTheLeadingGroupOfficeOrTheGovernmentAlsoReachesTheLeadingGroup() {
        for (EscalationLevel level : List.of(EscalationLevel.LEADING_GROUP_OFFICE, EscalationLevel.DISTRICT_GOVERNMENT)) {
            List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID,
                    new TaskEscalated(TASK, DISTRICT, FINDING, JW, level, "逾期90天，多次督促未见成效"));
            assertEquals(List.of(DEPT_JW, OFFICE, LEADING_GROUP), audiences(notices));
            for (NoticeIssued notice : notices) {
                assertEquals(NoticeSeverity.CRITICAL, notice.severity());
                assertTrue(notice.body().contains("升级为" + level.label() + "督办"), notice.body());
                assertTrue(notice.body().contains("逾期90天，多次督促未见成效"), notice.body());
                // the third level proposes a 约谈 of the unit's head to the leading group
                assertEquals(level == EscalationLevel.DISTRICT_GOVERNMENT,
                        notice.body().contains("建议领导小组约谈区教委主要负责人"), notice.body());
                assertAboutTheTask(notice);
            }
        }
    }

    @Test
    void aReopenedTaskRemindsTheLeadWithTheNewDueDate() {
        NoticeIssued notice = only(withFacts.noticesFor(EVENT_ID,
                new TaskReopened(TASK, DISTRICT, FINDING, "更正数据后仍未达标", LocalDate.of(2025, 12, 31))));
        assertEquals(DEPT_JW, notice.audience());
        assertEquals(NoticeKind.REMINDER, notice.kind());
        assertEquals(NoticeSeverity.WARNING, notice.severity());
        assertTrue(notice.body().contains("新的整改期限为2025年12月31日"), notice.body());
        assertTrue(notice.body().contains("原因：更正数据后仍未达标"), notice.body());
        assertAboutTheTask(notice);
    }

    @Test
    void theLeadFollowsAReassignmentInTheFacts() {
        InMemoryTaskFacts facts = new InMemoryTaskFacts().apply(OPENED)
                .apply(new TaskReassigned(TASK, DISTRICT, FINDING, JW, CZ, "用房改造由财政统筹", INSPECTOR));
        NoticeIssued notice = only(new NoticeRules(facts).noticesFor(EVENT_ID,
                new TaskRejected(TASK, DISTRICT, FINDING, 1, "材料不全", INSPECTOR)));
        assertEquals(DEPT_CZ, notice.audience());
    }

    // --- missing facts ----------------------------------------------------------------------------------------

    @Test
    void withoutFactsANoticeForTheLeadGoesToTheOfficeRatherThanBeingDropped() {
        NoticeIssued notice = only(withoutFacts.noticesFor(EVENT_ID,
                new TaskRejected(TASK, DISTRICT, FINDING, 2, "材料不全", INSPECTOR)));
        assertEquals(OFFICE, notice.audience());
        assertEquals(NoticeKind.VERIFICATION_RESULT, notice.kind());
        assertEquals(List.of(TASK), notice.taskIds());
        assertEquals(List.of(FINDING), notice.findingIds());
        assertEquals(List.of(), notice.schoolCodes());
        assertTrue(notice.title().contains(TASK.toString()), notice.title());
        assertTrue(notice.body().contains("退回原因：材料不全"), notice.body());
    }

    @Test
    void withoutFactsTheDepartmentAnEventNamesStillGetsIt() {
        NoticeIssued notice = only(withoutFacts.noticesFor(EVENT_ID, dueSoon(7)));
        assertEquals(DEPT_JW, notice.audience());
        assertTrue(notice.body().startsWith("区教委牵头的整改任务"), notice.body());
        assertTrue(notice.body().contains("2025年6月30日"), notice.body());

        List<NoticeIssued> overdue = withoutFacts.noticesFor(EVENT_ID,
                new TaskOverdue(TASK, DISTRICT, FINDING, JW, TaskFixtures.DUE));
        assertEquals(List.of(DEPT_JW, OFFICE), audiences(overdue));
    }

    // --- determinism and silence ------------------------------------------------------------------------------

    @Test
    void theSameEventTwiceGivesEqualNoticesAndIdsFollowTheEventId() {
        TaskOverdue overdue = new TaskOverdue(TASK, DISTRICT, FINDING, JW, TaskFixtures.DUE);
        List<NoticeIssued> first = withFacts.noticesFor(EVENT_ID, overdue);
        List<NoticeIssued> again = new NoticeRules(new InMemoryTaskFacts().apply(OPENED)).noticesFor(EVENT_ID, overdue);
        assertEquals(first, again);
        assertEquals(List.of(expectedNoticeId(EVENT_ID, "DEPARTMENT/jw"), expectedNoticeId(EVENT_ID, "SUPERVISION_OFFICE")),
                first.stream().map(NoticeIssued::noticeId).toList());

        UUID uuidEventId = UUID.fromString(EVENT_ID);
        assertEquals(first, withFacts.noticesFor(uuidEventId, overdue));
        List<NoticeIssued> otherEvent = withFacts.noticesFor("0b6f3a52-9d1e-4c7a-8f00-00000000e002", overdue);
        assertNotEquals(first.get(0).noticeId(), otherEvent.get(0).noticeId());
    }

    @Test
    void eventsThatConcernNoAudienceGiveNothing() {
        EvidenceReference evidence = new EvidenceReference("竣工验收报告.pdf", "ab".repeat(32), "s3://evidence/1");
        List<PublishedEvent> events = List.of(
                new TaskAssigned(TASK, DISTRICT, FINDING, JW, CLERK),
                new PlanSubmitted(TASK, DISTRICT, FINDING, "新建综合楼",
                        List.of(new Milestone("完成招标", LocalDate.of(2025, 3, 31))), TaskFixtures.DUE, CLERK),
                new ProgressReported(TASK, DISTRICT, FINDING, 50, "主体完工", CLERK),
                new EvidenceAttached(TASK, DISTRICT, FINDING, evidence, CLERK),
                new DeadlineExtended(TASK, DISTRICT, FINDING, TaskFixtures.DUE, TaskFixtures.DUE.plusMonths(3), "雨季停工",
                        INSPECTOR),
                new CountyEvaluated(DISTRICT, 2024, "CN-2017", 41, 39, List.of(), List.of()),
                // notices never trigger notices, or an acknowledgement could start a loop
                new NoticeAcknowledged(UUID.randomUUID(), DISTRICT, DEPT_JW, CLERK, "已阅"));
        for (PublishedEvent event : events) {
            assertEquals(List.of(), withFacts.noticesFor(EVENT_ID, event), event.getClass().getSimpleName());
        }
    }

    @Test
    void a报送TaskAsksItsOwnerForTheDataAndTheOfficeIsItsOwnAudience() {
        var payData = new TaskOpened(TASK, DISTRICT, FINDING, 2024, Subject.county(), IndicatorCode.GG8,
                Severity.COUNTY_RULE, "报送教师平均工资收入所需数据", "GG8 教师平均工资收入：未报送年平均工资收入",
                new org.junheng.contracts.Department("rs", "区人力社保局"), List.of(CZ), TaskFixtures.DUE,
                org.junheng.contracts.rectification.TaskKind.DATA_SUBMISSION, null);
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID, payData);
        assertEquals(List.of(new Audience(AudienceKind.DEPARTMENT, "rs"), DEPT_CZ),
                notices.stream().map(NoticeIssued::audience).toList());
        assertEquals("报送任务交办：报送教师平均工资收入所需数据", notices.get(0).title());
        assertTrue(notices.get(0).body().contains("请于2025年6月30日前报送（数据报送后任务自动关闭）"), notices.get(0).body());
        assertFalse(notices.get(0).body().contains("问题性质"), notices.get(0).body());

        var attestation = new TaskOpened(TASK, DISTRICT, FINDING, 2024, Subject.county(), IndicatorCode.GG15_CARE,
                Severity.COUNTY_RULE, "留守儿童关爱体系健全待督导认定", "GG15-CARE：待督导认定",
                org.junheng.contracts.Department.SUPERVISION_OFFICE, List.of(), TaskFixtures.DUE,
                org.junheng.contracts.rectification.TaskKind.DATA_SUBMISSION, null);
        assertEquals(List.of(OFFICE), withoutFacts.noticesFor(EVENT_ID, attestation).stream()
                .map(NoticeIssued::audience).toList());
        var closed = withFacts.noticesFor(EVENT_ID, new TaskClosed(TASK, DISTRICT, FINDING,
                ClosureReason.DATA_SUBMITTED, null)).get(0);
        assertTrue(closed.body().contains("所需数据已报送，任务关闭"), closed.body());
    }

    @Test
    void aProblemFromOutsideSaysWhereItCameFrom() {
        var source = new org.junheng.contracts.rectification.ProblemSource(
                org.junheng.contracts.rectification.ProblemSource.Kind.MUNICIPAL_ASSESSMENT, "渝教督〔2025〕12号",
                LocalDate.of(2025, 6, 30), 3);
        var fromCity = new TaskOpened(TASK, DISTRICT, FINDING, 2025, Subject.county(), IndicatorCode.GG5,
                Severity.COUNTY_RULE, "市级督导评估反馈：全区班额超标", "3所学校班额超过45人", JW, List.of(), TaskFixtures.DUE,
                null, source);
        NoticeIssued notice = only(withoutFacts.noticesFor(EVENT_ID, fromCity));
        assertTrue(notice.body().contains("问题来源：市级督导评估反馈（渝教督〔2025〕12号，2025年6月30日，第3项）"),
                notice.body());
        assertFalse(notice.body().contains("问题性质"), notice.body());
    }

    @Test
    void eachStageOfTheRoadToRecognitionAndARiskToItGoToTheOfficeAndTheLeadingGroup() {
        var failed = new org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded(DISTRICT,
                org.junheng.contracts.rectification.RecognitionEvent.Stage.MUNICIPAL_ASSESSMENT, LocalDate.of(2025, 6, 30),
                org.junheng.contracts.rectification.RecognitionEvent.Outcome.NOT_PASSED, null, "渝教督〔2025〕12号",
                "反馈问题12项", INSPECTOR);
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID, failed);
        assertEquals(List.of(OFFICE, LEADING_GROUP), notices.stream().map(NoticeIssued::audience).toList());
        assertEquals(NoticeKind.RECOGNITION, notices.get(0).kind());
        assertEquals(NoticeSeverity.WARNING, notices.get(0).severity());
        assertEquals("创建进程：市级督导评估未通过", notices.get(0).title());
        assertTrue(notices.get(0).body().contains("（2025年6月30日，渝教督〔2025〕12号），结论：未通过。说明：反馈问题12项。"),
                notices.get(0).body());

        var risk = new org.junheng.contracts.rectification.RecognitionEvent.RecognitionAtRisk(DISTRICT, 2027, FINDING,
                IndicatorCode.GG5, "动态监测：2025年已整改销号，2027年再次未达标");
        NoticeIssued warning = withoutFacts.noticesFor(EVENT_ID, risk).get(0);
        assertEquals(NoticeSeverity.CRITICAL, warning.severity());
        assertEquals("认定成果预警：班额（GG5）再次未达标", warning.title());
        assertTrue(warning.body().contains("认定成果面临风险"), warning.body());
    }

    @Test
    void aSummonsIsToldToTheUnitAndTheLeadingGroup() {
        List<NoticeIssued> notices = withFacts.noticesFor(EVENT_ID, new TaskEvent.AccountabilityRecorded(TASK,
                DISTRICT, FINDING, org.junheng.contracts.rectification.Accountability.INTERVIEW, JW,
                "王强（区教委副主任）", LocalDate.of(2025, 9, 15), "任务经三级督办仍未完成", "表态：10月底前完成", INSPECTOR));
        assertEquals(List.of(DEPT_JW, LEADING_GROUP), audiences(notices));
        assertEquals("约谈记录：" + TITLE, notices.get(0).title());
        assertTrue(notices.get(0).body().contains("2025年9月15日对区教委王强（区教委副主任）进行约谈。事由：任务经三级督办仍未完成。"
                + "结果：表态：10月底前完成。"), notices.get(0).body());
        assertAboutTheTask(notices.get(0));
    }

    @Test
    void countyTasksNameTheCountyAndCarryNoSchoolCode() {
        var countyTask = new TaskOpened(TASK, DISTRICT, FINDING, 2024,
                Subject.county(), IndicatorCode.GG8, Severity.COUNTY_RULE, "教师平均工资收入水平低于公务员", "差额每年1,200元",
                CZ, List.of(), TaskFixtures.DUE);
        NoticeIssued notice = only(withoutFacts.noticesFor(EVENT_ID, countyTask));
        assertEquals(DEPT_CZ, notice.audience());
        assertEquals(List.of(), notice.schoolCodes());
        assertTrue(notice.body().contains("涉及：全区"), notice.body());
        assertTrue(notice.body().contains("配合单位：无"), notice.body());
    }

    @Test
    void aPlanGoesToTheLeadingGroupToApproveThenToEveryUnitLeadingATaskOfIt() {
        var item = new org.junheng.contracts.rectification.PlanEvent.PlanItem(TASK, "GG8", TITLE, CZ, List.of(JW),
                TaskFixtures.DUE, "调整预算", null);
        var drafted = new org.junheng.contracts.rectification.PlanEvent.PlanVersionDrafted(DISTRICT, 2024, 2,
                "大渡口区义务教育优质均衡发展整改方案", LocalDate.of(2024, 12, 20), List.of(item, item), "按市级反馈调整",
                INSPECTOR);
        NoticeIssued toApprove = only(withoutFacts.noticesFor(EVENT_ID, drafted));
        assertEquals(LEADING_GROUP, toApprove.audience());
        assertEquals(NoticeKind.RECTIFICATION_PLAN, toApprove.kind());
        assertTrue(toApprove.body().contains("第2版（2024年度），列入整改任务2项，牵头单位：区财政局。修订说明：按市级反馈调整。请领导小组审定。"),
                toApprove.body());

        var approved = new org.junheng.contracts.rectification.PlanEvent.PlanApproved(DISTRICT, 2024, 2,
                LocalDate.of(2024, 12, 27), "区义务教育优质均衡发展领导小组第3次会议", null, List.of(CZ, JW,
                org.junheng.contracts.Department.LEADING_GROUP_OFFICE), 2, INSPECTOR);
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID, approved);
        assertEquals(List.of(OFFICE, LEADING_GROUP, DEPT_CZ, DEPT_JW), audiences(notices), "the group's office once");
        assertEquals("2024年度整改方案（第2版）已审定", notices.get(0).title());
        assertTrue(notices.get(2).body().contains("已经区义务教育优质均衡发展领导小组第3次会议审定（2024年12月27日），共列整改任务2项"),
                notices.get(2).body());

        var project = new org.junheng.contracts.rectification.PlanEvent.ProjectDefined(DISTRICT, 2024, FINDING,
                "新建跳磴小学教学楼", JW, List.of(TASK), new java.math.BigDecimal("1200.00"), "专项债",
                List.of(new org.junheng.contracts.rectification.Milestone("主体封顶", LocalDate.of(2025, 6, 30))),
                INSPECTOR);
        NoticeIssued toLead = only(withoutFacts.noticesFor(EVENT_ID, project));
        assertEquals(DEPT_JW, toLead.audience());
        assertEquals("整改项目交办：新建跳磴小学教学楼", toLead.title());
        assertTrue(toLead.body().contains("预算1200万元（专项债），解决整改任务1项。项目节点：主体封顶（2025年6月30日前）。"),
                toLead.body());
        assertEquals(List.of(TASK), toLead.taskIds());
    }

    @Test
    void aUnitSummonedAsAWholeIsToldWithTheLeadingGroup() {
        List<NoticeIssued> notices = withoutFacts.noticesFor(EVENT_ID,
                new org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded(DISTRICT, CZ,
                        org.junheng.contracts.rectification.Accountability.ACCOUNTABILITY, "李明（区财政局局长）",
                        LocalDate.of(2025, 9, 20), "生均公用经费连续两年未按标准拨付", null, INSPECTOR));
        assertEquals(List.of(DEPT_CZ, LEADING_GROUP), audiences(notices));
        assertEquals(NoticeSeverity.CRITICAL, notices.get(0).severity());
        assertEquals("问责记录：区财政局", notices.get(0).title());
        assertTrue(notices.get(0).body().startsWith("2025年9月20日对区财政局李明（区财政局局长）进行问责。事由：生均公用经费连续两年未按标准拨付。请"),
                notices.get(0).body());
        // the leading group's office summoned: the leading group hears of it once
        assertEquals(List.of(LEADING_GROUP), audiences(withoutFacts.noticesFor(EVENT_ID,
                new org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded(DISTRICT,
                        org.junheng.contracts.Department.LEADING_GROUP_OFFICE,
                        org.junheng.contracts.rectification.Accountability.INTERVIEW, "赵刚（领导小组办公室主任）",
                        LocalDate.of(2025, 9, 20), "督办不力", null, INSPECTOR))));
        // a leader named and a milestone reached tell nobody
        assertEquals(List.of(), withoutFacts.noticesFor(EVENT_ID,
                new org.junheng.contracts.rectification.UnitEvent.ResponsibleLeaderNamed(DISTRICT, CZ, "李明",
                        "区财政局局长", LocalDate.of(2024, 3, 1), null, INSPECTOR)));
    }
}

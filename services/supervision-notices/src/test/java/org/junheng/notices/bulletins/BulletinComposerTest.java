package org.junheng.notices.bulletins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.Person;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.notices.readmodels.DepartmentScorecard;
import org.junit.jupiter.api.Test;

class BulletinComposerTest {

    static final String DISTRICT = "500104";
    static final String ISSUE = "2025年第1期";
    static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    static DepartmentScorecard card(String code, String name, int open, int overdue, int onTime, int late,
                                    Double averageDays) {
        return helping(code, name, open, overdue, onTime, late, averageDays, 0, 0);
    }

    static DepartmentScorecard helping(String code, String name, int open, int overdue, int onTime, int late,
                                       Double averageDays, int helping, int helpingOverdue) {
        return new DepartmentScorecard(new Department(code, name), open, overdue, onTime, late,
                averageDays == null ? OptionalDouble.empty() : OptionalDouble.of(averageDays), helping,
                helpingOverdue);
    }

    static final DepartmentScorecard CZ = card("cz", "区财政局", 3, 1, 4, 1, 23.5);
    static final DepartmentScorecard JW = card("jw", "区教委", 5, 2, 10, 0, 30.0);
    static final DepartmentScorecard RS = card("rs", "区人社局", 3, 1, 2, 0, 40.0);
    static final DepartmentScorecard GH = card("gh", "区规划自然资源局", 3, 1, 0, 0, null);
    static final DepartmentScorecard BB = card("bb", "区编办", 2, 0, 1, 0, 12.0);
    static final DepartmentScorecard JZ = card("jz", "建胜镇", 2, 0, 1, 0, 12.0);
    static final DepartmentScorecard FG = card("fg", "区发展改革委", 0, 0, 0, 0, null);

    static final List<DepartmentScorecard> ALL = List.of(CZ, JW, RS, GH, BB, JZ, FG);

    @Test
    void ranksMostOverdueThenMostOpenThenSlowestThenByCode() {
        List<DepartmentScorecard> ranked = BulletinComposer.rank(ALL);
        // jw: 2 overdue; gh, rs, cz: 1 overdue, 3 open, nothing closed (slowest) / 40 days / 23.5 days;
        // bb and jz tie on everything and go by code; fg has no task and is left out
        assertEquals(List.of("jw", "gh", "rs", "cz", "bb", "jz"),
                ranked.stream().map(card -> card.department().code()).toList());
    }

    @Test
    void theRankingDoesNotDependOnTheInputOrder() {
        List<DepartmentScorecard> shuffled = new ArrayList<>(ALL);
        Collections.reverse(shuffled);
        assertEquals(BulletinComposer.rank(ALL), BulletinComposer.rank(shuffled));
        assertEquals(BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, ALL, null, null),
                BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, shuffled, null, null));
    }

    @Test
    void describesEachDepartmentInOneLine() {
        assertEquals("区财政局：未完成3项，其中逾期1项；已完成5项（按期4项，逾期完成1项），平均用时23.5天。",
                BulletinComposer.line(CZ));
        assertEquals("区规划自然资源局：未完成3项，其中逾期1项；尚无完成任务。", BulletinComposer.line(GH));
        assertEquals("区编办：未完成2项，无逾期；已完成1项（按期1项，逾期完成0项），平均用时12天。", BulletinComposer.line(BB));
        assertEquals("区卫健委：无未完成任务；已完成2项（按期2项，逾期完成0项），平均用时8.3天。",
                BulletinComposer.line(card("wj", "区卫健委", 0, 0, 2, 0, 8.25)));
    }

    @Test
    void coResponsibleUnitsAreCountedForWhatTheyHelpWith() {
        DepartmentScorecard leadsAndHelps = helping("cz", "区财政局", 3, 1, 4, 1, 23.5, 2, 1);
        assertEquals("区财政局：未完成3项，其中逾期1项；已完成5项（按期4项，逾期完成1项），平均用时23.5天；"
                + "配合任务未完成2项，其中逾期1项。", BulletinComposer.line(leadsAndHelps));
        DepartmentScorecard onlyHelps = helping("ga", "区公安分局", 0, 0, 0, 0, null, 4, 0);
        String body = BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, List.of(JW, onlyHelps, FG), null, null)
                .body();
        assertTrue(body.contains("仅承担配合任务的单位：区公安分局配合任务未完成4项。"), body);
        assertTrue(body.contains("本期无整改任务的单位：区发展改革委。"), body);
        assertFalse(BulletinComposer.rank(List.of(JW, onlyHelps)).contains(onlyHelps),
                "the ranking is of what each unit leads");
        assertThrows(IllegalArgumentException.class, () -> helping("ga", "区公安分局", 0, 0, 0, 0, null, 1, 2));
    }

    @Test
    void aBulletinToTheWholeDistrictWithTotalsAndTheRanking() {
        Person director = new Person("u-chen", "陈主任");
        NoticeIssued bulletin = BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, ALL, "大渡口教督〔2025〕3号", director);

        assertEquals(new Audience(AudienceKind.DISTRICT, null), bulletin.audience());
        assertEquals(NoticeKind.BULLETIN, bulletin.kind());
        assertEquals(NoticeSeverity.WARNING, bulletin.severity());
        assertEquals(DISTRICT, bulletin.districtCode());
        assertEquals("大渡口教督〔2025〕3号", bulletin.documentNumber());
        assertEquals(director, bulletin.issuedBy());
        assertEquals("义务教育优质均衡发展整改任务进展情况通报（2025年第1期）", bulletin.title());
        String body = bulletin.body();
        assertTrue(body.startsWith("截至2025年3月31日，全区整改任务共37项，已完成19项（其中逾期完成1项），未完成18项（其中逾期5项）。"),
                body);
        assertTrue(body.contains("\n1. 区教委：未完成5项，其中逾期2项"), body);
        assertTrue(body.contains("\n4. 区财政局：未完成3项，其中逾期1项"), body);
        assertTrue(body.indexOf("\n5. 区编办") < body.indexOf("\n6. 建胜镇"), body);
        assertTrue(body.contains("本期无整改任务的单位：区发展改革委。"), body);
        assertTrue(body.contains("请区教委、区规划自然资源局、区人社局、区财政局对逾期任务逐项说明原因"), body);
    }

    @Test
    void withoutOverdueTasksTheBulletinIsInformation() {
        NoticeIssued bulletin = BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, List.of(BB, JZ), null, null);
        assertEquals(NoticeSeverity.INFO, bulletin.severity());
        assertTrue(bulletin.body().endsWith("请各责任单位继续按期推进整改。"), bulletin.body());
        assertFalse(bulletin.body().contains("逾期任务逐项说明"), bulletin.body());
    }

    @Test
    void theIdFollowsDistrictAndIssueOnly() {
        UUID expected = UUID.nameUUIDFromBytes(("bulletin|" + DISTRICT + "|" + ISSUE).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, BulletinComposer.compose(DISTRICT, ISSUE, AS_OF, ALL, null, null).noticeId());
        assertEquals(expected, BulletinComposer.compose(DISTRICT, ISSUE, AS_OF.plusDays(1), List.of(BB), null, null)
                .noticeId());
        assertNotEquals(expected, BulletinComposer.compose(DISTRICT, "2025年第2期", AS_OF, ALL, null, null).noticeId());
        assertNotEquals(expected, BulletinComposer.compose("500105", ISSUE, AS_OF, ALL, null, null).noticeId());
    }

    @Test
    void rejectsImpossibleScorecardsAndAMissingIssueLabel() {
        assertThrows(IllegalArgumentException.class, () -> card("cz", "区财政局", 1, 2, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> card("cz", "区财政局", 1, 0, 0, 0, 5.0));
        assertThrows(IllegalArgumentException.class, () -> card("cz", "区财政局", -1, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class,
                () -> BulletinComposer.compose(DISTRICT, " ", AS_OF, ALL, null, null));
    }
}

package org.junheng.rectification.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.rectification.ProblemSource;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.lifecycle.OutsideProblems.RawItem;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junit.jupiter.api.Test;

class OutsideProblemsTest {

    static final LocalDate TODAY = LocalDate.of(2025, 7, 10);
    static final LocalDate ISSUED = LocalDate.of(2025, 6, 30);
    static final ResponsibilityMatrix MATRIX = ResponsibilityMatrix.standard();
    static final ProblemSource FEEDBACK = new ProblemSource(ProblemSource.Kind.MUNICIPAL_ASSESSMENT,
            "渝教督〔2025〕12号", ISSUED, 3);

    static RawItem item(String number, String indicator, String description) {
        return new RawItem(number, indicator, null, null, description, null, null);
    }

    @Test
    void aGoodItemPassesAsTypedValues() {
        var checked = OutsideProblems.check(List.of(new RawItem("3.0", "gg5", "2150473309", "重庆市大渡口区钢花小学",
                " 四年级3个班超过45人 ", "区财政局", "2025年12月31日")), ISSUED, MATRIX);
        assertEquals(List.of(), checked.problems());
        var item = checked.items().get(0);
        assertEquals(3, item.number(), "a number cell read as 3.0");
        assertEquals(IndicatorCode.GG5, item.indicator());
        assertEquals("四年级3个班超过45人", item.description());
        assertEquals("cz", item.leadDepartment().code(), "a unit by its name");
        assertEquals(LocalDate.of(2025, 12, 31), item.dueDate());
    }

    @Test
    void everyMistakeIsNamedAtItsItemAndFieldAndNothingPasses() {
        var checked = OutsideProblems.check(Arrays.asList(
                item("1", "XX9", "操场积水"),
                new RawItem("1", "GG3", "21504733", null, null, "nope", "2025-02-30"),
                null,
                item("0", "", "a\u0000b")), ISSUED, MATRIX);
        assertEquals(List.of(), checked.items(), "all or nothing");
        List<String> named = checked.problems().stream().map(p -> p.index() + "." + p.field()).toList();
        assertEquals(List.of("0.indicator", "1.number", "1.schoolCode", "1.schoolName", "1.description",
                "1.leadDepartment", "1.dueDate", "2.items", "3.description"), named);
        assertTrue(checked.problems().get(1).reason().contains("序号重复，同第1条"));
    }

    @Test
    void theSourceNeedsItsKindItsDocumentNumberUnlessThePublicsAndAPlausibleDate() {
        assertEquals(List.of("kind", "issuedOn"), OutsideProblems.checkSource(null, null, null, TODAY).stream()
                .map(OutsideProblems.Problem::field).toList());
        assertEquals(List.of("documentNumber"), OutsideProblems.checkSource(ProblemSource.Kind.INSPECTION, " ", ISSUED,
                TODAY).stream().map(OutsideProblems.Problem::field).toList());
        assertEquals(List.of(), OutsideProblems.checkSource(ProblemSource.Kind.PUBLIC, null, ISSUED, TODAY));
        assertEquals(List.of("issuedOn"), OutsideProblems.checkSource(ProblemSource.Kind.PUBLIC, null,
                TODAY.plusDays(1), TODAY).stream().map(OutsideProblems.Problem::field).toList());
        assertEquals(List.of("items"), OutsideProblems.check(List.of(), ISSUED, MATRIX).problems().stream()
                .map(OutsideProblems.Problem::field).toList());
    }

    @Test
    void anItemsTaskFollowsTheMatrixAndTheCampaignUnlessTheListSaysOtherwise() {
        var byMatrix = OutsideProblems.check(List.of(item("3", "RA5", "运动场地不足，生均5.2平方米")), ISSUED, MATRIX)
                .items().get(0);
        UUID task = UUID.randomUUID();
        var opened = OutsideProblems.opened("500104", 2025, FEEDBACK, byMatrix, task, MATRIX, Campaign.standard(),
                TODAY);
        assertEquals("jw", opened.leadDepartment().code());
        assertEquals(MATRIX.responsibleFor(IndicatorCode.RA5).coDepartments(), opened.coDepartments());
        assertEquals(Campaign.standard().dueDate(IndicatorCode.RA5, TODAY), opened.dueDate());
        assertEquals(SubjectLevel.COUNTY, opened.subject().level());
        assertEquals(TaskKind.RECTIFICATION, opened.kind());
        assertEquals(FEEDBACK, opened.source());
        assertEquals("市级督导评估反馈：全区运动场地不足，生均5.2平方米", opened.title());

        var named = new OutsideProblems.Item(3, IndicatorCode.RA5, null, null, "运动场地不足", new Department("cz", "区财政局"),
                LocalDate.of(2025, 9, 1));
        var led = OutsideProblems.opened("500104", 2025, FEEDBACK, named, task, MATRIX, Campaign.standard(), TODAY);
        assertEquals("cz", led.leadDepartment().code());
        assertEquals("jw", led.coDepartments().get(0).code(), "the matrix's lead still helps");
        assertTrue(led.coDepartments().stream().noneMatch(d -> d.code().equals("cz")));
        assertEquals(LocalDate.of(2025, 9, 1), led.dueDate());
    }

    @Test
    void theSameItemOfTheSameListIsTheSameFinding() {
        UUID first = OutsideProblems.findingId("500104", 2025, FEEDBACK);
        assertEquals(first, OutsideProblems.findingId("500104", 2025, new ProblemSource(
                ProblemSource.Kind.MUNICIPAL_ASSESSMENT, "渝教督〔2025〕12号", ISSUED, 3)));
        assertNotEquals(first, OutsideProblems.findingId("500104", 2025, new ProblemSource(
                ProblemSource.Kind.MUNICIPAL_ASSESSMENT, "渝教督〔2025〕12号", ISSUED, 4)));
        assertEquals("市级督导评估反馈（渝教督〔2025〕12号，2025年6月30日，第3项）", FEEDBACK.describe());
    }

    @Test
    void datesAreTakenAsPeopleWriteThem() {
        for (String text : List.of("2025-12-31", "2025/12/31", "2025.12.31", "2025年12月31日", " 2025-12-31 ")) {
            assertEquals(LocalDate.of(2025, 12, 31), OutsideProblems.date(text), text);
        }
        assertNull(OutsideProblems.date("12/31/25"));
        assertNull(OutsideProblems.date("2025-02-30"));
    }
}

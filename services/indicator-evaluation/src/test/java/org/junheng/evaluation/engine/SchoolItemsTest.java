package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

/** Per-school and per-section items beyond RA: GG3, GG4, GG5, GG6, GG12, GG13, EQ4, and the scope rules. */
class SchoolItemsTest {

    static DistrictEvaluation evaluate(Fixtures.SchoolSpec... schools) {
        return Evaluator.evaluate(StandardCatalog.national(), Fixtures.district(schools));
    }

    static ItemResult item(DistrictEvaluation evaluation, IndicatorCode indicator, String subjectKey) {
        return evaluation.items().stream()
                .filter(i -> i.indicator() == indicator && i.subject().key().equals(subjectKey))
                .findFirst().orElseThrow(() -> new AssertionError("no " + indicator.code() + " for " + subjectKey));
    }

    static boolean has(DistrictEvaluation evaluation, IndicatorCode indicator, String subjectKey) {
        return evaluation.items().stream()
                .anyMatch(i -> i.indicator() == indicator && i.subject().key().equals(subjectKey));
    }

    private static final String CODE = "5001990101";

    // ------------------------------------------------------------------------------------------ scope

    @Test
    void specialEducationSchoolsAreOutsideResourceAllocationAndVariation() {
        Fixtures.SchoolSpec special = Fixtures.primary(CODE);
        special.type = SchoolType.SPECIAL_EDUCATION;
        special.section(Section.P).pupils = 120;
        DistrictEvaluation evaluation = evaluate(special, Fixtures.primary("5001990102"));
        assertTrue(evaluation.section(CODE, Section.P).isEmpty());
        assertFalse(has(evaluation, IndicatorCode.RA1, CODE + "/P"));
        assertFalse(has(evaluation, IndicatorCode.GG5, CODE + "/P"), "regular class caps do not apply");
        assertTrue(has(evaluation, IndicatorCode.GG12, CODE), "certification applies to every school");
        assertEquals(1, evaluation.variation(IndicatorCode.CV_RA1_P).orElseThrow().contributions().size());
    }

    @Test
    void teachingPointsUnderFiftyPupilsAreOutsideTheScopeAndFromFiftyInside() {
        Fixtures.SchoolSpec small = Fixtures.primary(CODE);
        small.type = SchoolType.TEACHING_POINT;
        small.section(Section.P).pupils = 49;
        assertTrue(evaluate(small).section(CODE, Section.P).isEmpty());
        small.section(Section.P).pupils = 50;
        assertTrue(evaluate(small).section(CODE, Section.P).isPresent());
    }

    // ------------------------------------------------------------------------------------------ GG5 class size

    @Test
    void classSizeExactlyAtTheCapPassesAndOneMoreFails() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).largest = 45;
        assertTrue(item(evaluate(school), IndicatorCode.GG5, CODE + "/P").met());
        school.section(Section.P).largest = 46;
        ItemResult unmet = item(evaluate(school), IndicatorCode.GG5, CODE + "/P");
        assertTrue(unmet.unmet());
        assertEquals(Severity.COUNTY_RULE, unmet.severity());
        assertTrue(unmet.gap().startsWith("最大班额46人，超过上限45人"), unmet.gap());
    }

    @Test
    void theClassSizeListCountsToo() {
        Fixtures.SchoolSpec school = Fixtures.junior(CODE);
        school.section(Section.J).largest = 50;
        school.section(Section.J).classSizes = List.of(48, 52, 53);
        ItemResult unmet = item(evaluate(school), IndicatorCode.GG5, CODE + "/J");
        assertEquals(new BigDecimal("53"), unmet.measured());
        assertTrue(unmet.gap().contains("2个班超过50人，共需分流 5 人"), unmet.gap());
    }

    // ------------------------------------------------------------------------------------------ GG4 school size

    @Test
    void schoolSizeCapsAndTheirRelaxedConventions() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).pupils = 2000;
        assertTrue(item(evaluate(school), IndicatorCode.GG4, CODE).met(), "2000 is within the cap");
        school.section(Section.P).pupils = 2001;
        ItemResult over = item(evaluate(school), IndicatorCode.GG4, CODE);
        assertTrue(over.unmet());
        assertEquals(0, new BigDecimal("2000").compareTo(over.required()));

        school.yearBuilt = 2010; // built in or before 2010: relaxed to 2400
        assertEquals(0, new BigDecimal("2400").compareTo(item(evaluate(school), IndicatorCode.GG4, CODE).required()));
        school.yearBuilt = 2011;
        school.section(Section.P).migrant = 1001; // more than half migrant pupils: relaxed
        assertEquals(0, new BigDecimal("2400").compareTo(item(evaluate(school), IndicatorCode.GG4, CODE).required()));
        school.section(Section.P).pupils = 2002;
        school.section(Section.P).migrant = 1001; // exactly half: not relaxed
        assertEquals(0, new BigDecimal("2000").compareTo(item(evaluate(school), IndicatorCode.GG4, CODE).required()));
    }

    @Test
    void nineYearSchoolsHaveTheLargerCapOnTheirCompulsoryPupils() {
        Fixtures.SchoolSpec school = nineYear(CODE, 1300, 1200);
        ItemResult size = item(evaluate(school), IndicatorCode.GG4, CODE);
        assertEquals(new BigDecimal("2500"), size.measured());
        assertTrue(size.met());
        school.yearBuilt = 1998;
        school.section(Section.P).pupils = 1800;
        assertEquals(0, new BigDecimal("3000").compareTo(item(evaluate(school), IndicatorCode.GG4, CODE).required()));
    }

    /** A school registered with its name and type alone: items that its missing profile would decide wait for it. */
    @Test
    void aProfileWithoutLocationOwnershipOrYearBuiltLeavesOnlyTheItemsTheyDecideOpen() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.location = null;
        school.ownership = null;
        school.yearBuilt = null;
        school.section(Section.P).pupils = 2100; // over the general cap of 2000, within the relaxed 2400
        DistrictEvaluation evaluation = evaluate(school);
        ItemResult size = item(evaluation, IndicatorCode.GG4, CODE);
        assertEquals(Outcome.NOT_EVALUABLE, size.outcome());
        assertTrue(size.note().contains("建校年份尚未登记"), size.note());
        ItemResult catchment = item(evaluation, IndicatorCode.GG13, "county");
        assertEquals(Outcome.NOT_EVALUABLE, catchment.outcome(), "whether the school counts for GG13 is open");
        assertTrue(catchment.note().contains(school.name + "小学（城乡分类或办学性质未登记）"), catchment.note());
        assertTrue(item(evaluation, IndicatorCode.GG5, CODE + "/P").stated(), "other items do not depend on it");
        school.section(Section.P).pupils = 2500; // over even the relaxed cap: unmet whatever the year
        assertTrue(item(evaluate(school), IndicatorCode.GG4, CODE).unmet());
    }

    // ------------------------------------------------------------------------------------------ GG13 catchment

    /** GG13 is one county ratio per section, not a rule per school: a school below 100% is made up by none. */
    @Test
    void catchmentIsTheCountyRatioPerSectionWithEachSchoolsContribution() {
        Fixtures.SchoolSpec first = Fixtures.junior(CODE);
        Fixtures.SchoolSpec second = Fixtures.junior("5001990102");
        first.section(Section.J).catchment = 900; // 100 from outside
        second.section(Section.J).catchment = 1000;
        // 1,900 of 2,000 = exactly 95%: met for junior, though the first school alone is at 90%
        DistrictEvaluation evaluation = evaluate(first, second);
        assertTrue(item(evaluation, IndicatorCode.GG13, "county").met());
        assertFalse(has(evaluation, IndicatorCode.GG13, CODE + "/J"), "no rule per school section");
        assertEquals(1, evaluation.catchment().size());
        var junior = evaluation.catchment().get(0);
        assertEquals(0, new BigDecimal("0.95").compareTo(junior.ratio()));
        assertEquals("19/20", junior.ratioExact());
        assertEquals(List.of(CODE, "5001990102"), junior.schools().stream().map(c -> c.schoolCode()).toList(),
                "each counted school, most from outside the catchment first");
        assertEquals(100, junior.schools().get(0).outsideCatchment());
        assertEquals(0, BigDecimal.ONE.compareTo(junior.schools().get(0).share()));
        assertEquals(0, junior.schools().get(1).outsideCatchment());

        second.section(Section.J).catchment = 999; // 1,899 of 2,000: one too many
        ItemResult unmet = item(evaluate(first, second), IndicatorCode.GG13, "county");
        assertTrue(unmet.unmet());
        assertTrue(unmet.gap().contains("全区初中就近划片入学比例94.95%"), unmet.gap());
        assertTrue(unmet.gap().contains("非划片入学学生 101 名，还需减少 1 名"), unmet.gap());
        assertTrue(unmet.gap().contains("非划片入学在：" + first.name + " 100 名、" + second.name + " 1 名"),
                unmet.gap());

        // primary needs every pupil in the catchment: one outside anywhere fails the county
        Fixtures.SchoolSpec primary = Fixtures.primary("5001990103");
        primary.section(Section.P).catchment = 999;
        ItemResult primaryUnmet = item(evaluate(primary, first), IndicatorCode.GG13, "county");
        assertTrue(primaryUnmet.unmet());
        assertEquals(0, BigDecimal.ONE.compareTo(primaryUnmet.required()), "the failing section's minimum is shown");
        assertTrue(primaryUnmet.note().contains("小学 999/1,000") && primaryUnmet.note().contains("初中 900/1,000"),
                primaryUnmet.note());
    }

    @Test
    void catchmentCountsOnlyUrbanAndTownPublicDaySchools() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).catchment = 500;
        school.boarding = true;
        assertFalse(has(evaluate(school), IndicatorCode.GG13, "county"), "no school counts: not applicable");
        school.boarding = false;
        school.ownership = Ownership.PRIVATE;
        assertFalse(has(evaluate(school), IndicatorCode.GG13, "county"));
        school.ownership = Ownership.PUBLIC;
        school.location = LocationClass.RURAL;
        assertFalse(has(evaluate(school), IndicatorCode.GG13, "county"));
        school.location = LocationClass.TOWN;
        assertTrue(item(evaluate(school), IndicatorCode.GG13, "county").unmet());
        // a boarding school beside it does not dilute the ratio
        Fixtures.SchoolSpec boarding = Fixtures.primary("5001990102");
        boarding.boarding = true;
        assertEquals(0, new BigDecimal("0.5").compareTo(evaluate(school, boarding).catchment().get(0).ratio()));
    }

    // ------------------------------------------------------------------------------------------ GG3 rooms

    @Test
    void musicAndArtRoomsPerTwelveClassesCountingOnlyRoomsMeetingTheFloor() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).classes = 25; // ceil(25/12) = 3 rooms of each
        school.section(Section.P).facilities.music = List.of(new BigDecimal("96"), new BigDecimal("100"),
                new BigDecimal("95.9"));
        school.section(Section.P).facilities.art = List.of(new BigDecimal("90"), new BigDecimal("90"),
                new BigDecimal("90"));
        ItemResult rooms = item(evaluate(school), IndicatorCode.GG3, CODE);
        assertTrue(rooms.unmet(), "the 95.9 m² music room is under the 96 m² floor");
        assertEquals(new BigDecimal("2"), rooms.measured());
        assertEquals(new BigDecimal("3"), rooms.required());
        assertTrue(rooms.gap().contains("还需音乐专用教室 1 间、美术专用教室 0 间"), rooms.gap());

        school.yearBuilt = 2016; // relaxed floors 73/67 for schools built in or before 2016
        assertTrue(item(evaluate(school), IndicatorCode.GG3, CODE).met());
    }

    @Test
    void ruralSmallSchoolsWithSmallClassesUseTheRuralFloor() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.flags = List.of(SchoolFlag.RURAL_SMALL_SCHOOL);
        school.location = LocationClass.RURAL;
        school.section(Section.P).pupils = 90;
        school.section(Section.P).classes = 6;
        school.section(Section.P).largest = 29;
        school.section(Section.P).facilities.music = List.of(new BigDecimal("54"));
        school.section(Section.P).facilities.art = List.of(new BigDecimal("54"));
        school.fundedPupils = 100;
        assertTrue(item(evaluate(school), IndicatorCode.GG3, CODE).met());
        school.section(Section.P).largest = 30; // not under 30: national floors
        assertTrue(item(evaluate(school), IndicatorCode.GG3, CODE).unmet());
    }

    // ------------------------------------------------------------------------------------------ GG6, GG12, EQ4

    @Test
    void smallVillageSchoolsMustBeFundedAsOneHundredPupils() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.location = LocationClass.RURAL;
        school.section(Section.P).pupils = 80;
        school.fundedPupils = 100;
        assertTrue(item(evaluate(school), IndicatorCode.GG6, CODE).met());
        school.fundedPupils = 80;
        ItemResult unmet = item(evaluate(school), IndicatorCode.GG6, CODE);
        assertTrue(unmet.gap().contains("还需按 20 名学生补足公用经费"), unmet.gap());
        school.fundedPupils = null;
        assertEquals(Outcome.NOT_EVALUABLE, item(evaluate(school), IndicatorCode.GG6, CODE).outcome());
        school.location = LocationClass.URBAN;
        assertFalse(has(evaluate(school), IndicatorCode.GG6, CODE), "not a village school");
    }

    @Test
    void everyTeacherNeedsACertificate() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).certified = 57;
        ItemResult unmet = item(evaluate(school), IndicatorCode.GG12, CODE);
        assertTrue(unmet.unmet());
        assertTrue(unmet.gap().contains("还需 3 名专任教师取得教师资格证"), unmet.gap());
        assertTrue(unmet.gap().contains("needs 3 more certified teachers"), unmet.gap());
    }

    @Test
    void trainingBudgetExactlyFivePercentPasses() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.training = new BigDecimal("50000");
        assertTrue(item(evaluate(school), IndicatorCode.EQ4, CODE).met());
        school.training = new BigDecimal("49999.99");
        ItemResult unmet = item(evaluate(school), IndicatorCode.EQ4, CODE);
        assertTrue(unmet.unmet());
        assertTrue(unmet.gap().contains("还需增加培训经费 1 元"), unmet.gap());
    }

    /**
     * A school may leave the GG9, GG12 and GG13 counts and its budgets blank: exactly the items that need them are
     * “data missing” (for the school, or for the county where the item is a county ratio), and the rest is evaluated.
     */
    @Test
    void figuresLeftBlankLeaveOnlyTheirItemsOpenAsDataMissing() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).certified = null;
        school.section(Section.P).catchment = null;
        school.section(Section.P).trained = null;
        school.operating = null;
        Fixtures.SchoolSpec other = Fixtures.primary("5001990102");
        DistrictEvaluation evaluation = evaluate(school, other);

        assertEquals(Outcome.NOT_EVALUABLE, item(evaluation, IndicatorCode.GG12, CODE).outcome());
        ItemResult catchment = item(evaluation, IndicatorCode.GG13, "county");
        assertEquals(Outcome.NOT_EVALUABLE, catchment.outcome());
        assertTrue(catchment.note().contains(school.name + "小学（未填报划片就近入学学生数）"), catchment.note());
        assertEquals(Outcome.NOT_EVALUABLE, item(evaluation, IndicatorCode.EQ4, CODE).outcome());
        ItemResult training = item(evaluation, IndicatorCode.GG9, "county");
        assertEquals(Outcome.NOT_EVALUABLE, training.outcome());
        assertTrue(training.note().contains("1所学校未填报完成360学时培训的教师数：" + school.name), training.note());
        // everything else of the school is evaluated, and the other school is untouched
        assertTrue(item(evaluation, IndicatorCode.RA1, CODE + "/P").met());
        assertTrue(item(evaluation, IndicatorCode.GG5, CODE + "/P").met());
        assertTrue(item(evaluation, IndicatorCode.GG12, "5001990102").met());
        assertTrue(item(evaluation, IndicatorCode.EQ4, "5001990102").met());
        // readiness names them as data not yet reported, not as failures
        List<org.junheng.contracts.evaluation.ReadinessReason> open = evaluation.readiness().reasons().stream()
                .filter(r -> r.indicator() == IndicatorCode.GG12 || r.indicator() == IndicatorCode.GG13
                        || r.indicator() == IndicatorCode.EQ4 || r.indicator() == IndicatorCode.GG9)
                .toList();
        assertEquals(4, open.size(), evaluation.readiness().reasons().toString());
        assertTrue(open.stream().allMatch(r -> r.kind()
                == org.junheng.contracts.evaluation.ReadinessReason.Kind.DATA_MISSING), open.toString());
    }

    static Fixtures.SchoolSpec nineYear(String code, int primaryPupils, int juniorPupils) {
        Fixtures.SchoolSpec school = new Fixtures.SchoolSpec(code, SchoolType.NINE_YEAR);
        Fixtures.SectionSpec p = new Fixtures.SectionSpec(Section.P);
        p.pupils = primaryPupils;
        Fixtures.SectionSpec j = new Fixtures.SectionSpec(Section.J);
        j.pupils = juniorPupils;
        p.bachelor = p.certified = p.trained = primaryPupils / 10;
        j.bachelor = j.certified = j.trained = juniorPupils / 10;
        p.key = primaryPupils / 50;
        j.key = juniorPupils / 50;
        p.pe = j.pe = 20;
        school.sections.add(p);
        school.sections.add(j);
        school.whole = new Fixtures.FacilitySpec();
        school.whole.teaching = BigDecimal.valueOf(8L * (primaryPupils + juniorPupils));
        school.whole.ground = BigDecimal.valueOf(13L * (primaryPupils + juniorPupils));
        school.whole.equipment = BigDecimal.valueOf(3000L * (primaryPupils + juniorPupils));
        school.whole.multimedia = (primaryPupils + juniorPupils) * 3 / 100;
        school.whole.music = List.of(new BigDecimal("100"), new BigDecimal("100"), new BigDecimal("100"),
                new BigDecimal("100"), new BigDecimal("100"));
        school.whole.art = school.whole.music;
        school.cohort = null;
        return school;
    }
}

package org.junheng.evaluation.engine;

import static org.junheng.evaluation.engine.SchoolItemsTest.evaluate;
import static org.junheng.evaluation.engine.SchoolItemsTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junit.jupiter.api.Test;

/** RA1–RA7 and RA-SCHOOL on single school sections: formulas, special cases and threshold edges. */
class ResourceAllocationTest {

    private static final String CODE = "5001990201";

    private static SectionResult section(Fixtures.SchoolSpec school, Section section) {
        return evaluate(school).section(school.code, section).orElseThrow();
    }

    @Test
    void exactlyAtTheThresholdPassesAndJustBelowFails() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).bachelor = 42; // 42 ×100 ÷ 1000 = 4.2 exactly
        school.section(Section.P).certified = school.section(Section.P).trained = 42;
        assertTrue(section(school, Section.P).resource(IndicatorCode.RA1).met());
        school.section(Section.P).pupils = 1001; // 4.1958…
        school.section(Section.P).catchment = 1001;
        ResourceValue below = section(school, Section.P).resource(IndicatorCode.RA1);
        assertFalse(below.met());
        assertEquals(new BigDecimal("4.1958"), below.reported());

        Fixtures.SchoolSpec area = Fixtures.primary("5001990202");
        area.section(Section.P).facilities.teaching = new BigDecimal("4500"); // 4.5 m² exactly
        assertTrue(section(area, Section.P).resource(IndicatorCode.RA4).met());
        area.section(Section.P).facilities.teaching = new BigDecimal("4499.99");
        ResourceValue justBelow = section(area, Section.P).resource(IndicatorCode.RA4);
        assertFalse(justBelow.met(), "4.49999 m² is below 4.5 even though it rounds to 4.5000");
        assertEquals(new BigDecimal("4.5000"), justBelow.reported());
    }

    @Test
    void theSchoolRuleAllowsOneItemAtEightyFivePercentOfItsStandard() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).facilities.ground = new BigDecimal("6375"); // 6.375 = 85% of 7.5
        SectionResult atBoundary = section(school, Section.P);
        assertFalse(atBoundary.resource(IndicatorCode.RA5).met());
        assertTrue(atBoundary.passesSchoolRule(), "exactly 85% passes");
        assertEquals(6, atBoundary.itemsMet());

        school.section(Section.P).facilities.ground = new BigDecimal("6374.99");
        SectionResult below = section(school, Section.P);
        assertFalse(below.passesSchoolRule(), "just under 85% fails");
        ItemResult rule = item(evaluate(school), IndicatorCode.RA_SCHOOL, CODE + "/P");
        assertTrue(rule.unmet());
        assertTrue(rule.gap().contains("RA5仅为标准的85.0%"), rule.gap());
    }

    @Test
    void twoUnmetItemsBreakTheSchoolRuleHoweverCloseTheyAre() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).facilities.ground = new BigDecimal("7499"); // 99.99%
        school.section(Section.P).facilities.multimedia = 22; // 2.2 of 2.3
        SectionResult result = section(school, Section.P);
        assertEquals(5, result.itemsMet());
        assertFalse(result.passesSchoolRule());
        ItemResult rule = item(evaluate(school), IndicatorCode.RA_SCHOOL, CODE + "/P");
        assertEquals(new BigDecimal("5"), rule.measured());
        // the rule has two parts (≥ 6 met and the rest at 85%): no single required number, the gap says why
        assertEquals(null, rule.required());
        assertTrue(rule.gap().contains("85"), rule.gap());
    }

    @Test
    void primaryCountsAssociateDegreesJuniorOnlyBachelorAndAbove() {
        Fixtures.SchoolSpec primary = Fixtures.primary(CODE);
        primary.section(Section.P).associate = 60;
        primary.section(Section.P).bachelor = 0;
        primary.section(Section.P).certified = primary.section(Section.P).trained = 60;
        assertEquals(Fraction.of(6), section(primary, Section.P).resource(IndicatorCode.RA1).value());

        Fixtures.SchoolSpec junior = Fixtures.junior("5001990202");
        junior.section(Section.J).associate = 20;
        junior.section(Section.J).bachelor = 50;
        junior.section(Section.J).certified = junior.section(Section.J).trained = 70;
        assertEquals(Fraction.of(5), section(junior, Section.J).resource(IndicatorCode.RA1).value());
        assertFalse(section(junior, Section.J).resource(IndicatorCode.RA1).met(), "5.0 < 5.3");
    }

    @Test
    void rotatingTeachersCountOnlyAtFlaggedRuralSmallSchoolsOfFiftyToNinetyNinePupils() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.location = LocationClass.RURAL;
        school.fundedPupils = 100;
        Fixtures.SectionSpec p = school.section(Section.P);
        p.pupils = 80;
        p.catchment = 80;
        p.pe = p.music = p.art = 0;
        p.rotating = 1; // 1 ×100 ÷ 80 = 1.25 when counted
        assertEquals(Fraction.ZERO, section(school, Section.P).resource(IndicatorCode.RA3).value(), "no flag");
        school.flags = List.of(SchoolFlag.RURAL_SMALL_SCHOOL);
        assertEquals(Fraction.ratio(5, 4), section(school, Section.P).resource(IndicatorCode.RA3).value());
        p.pupils = 100; // 100 pupils: no longer a small school
        assertEquals(Fraction.ZERO, section(school, Section.P).resource(IndicatorCode.RA3).value());
        p.pupils = 50;
        assertEquals(Fraction.of(2), section(school, Section.P).resource(IndicatorCode.RA3).value());
        p.pupils = 49; // a primary school of 49 is still in scope (only teaching points under 50 are not)
        assertEquals(Fraction.ZERO, section(school, Section.P).resource(IndicatorCode.RA3).value());
    }

    @Test
    void leasedAndConvertedSportsAreasCountOnlyAtDenseCityCoreSchools() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        Fixtures.FacilitySpec f = school.section(Section.P).facilities;
        f.ground = new BigDecimal("5000");
        f.gym = new BigDecimal("1000");
        f.leased = new BigDecimal("2000");
        assertEquals(Fraction.of(6), section(school, Section.P).resource(IndicatorCode.RA5).value());
        school.flags = List.of(SchoolFlag.DENSE_CITY_CORE);
        assertEquals(Fraction.of(8), section(school, Section.P).resource(IndicatorCode.RA5).value());
    }

    @Test
    void indoorSportsAreaIsNotTeachingArea() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).facilities.teaching = new BigDecimal("6000");
        school.section(Section.P).facilities.indoor = new BigDecimal("1200");
        assertEquals(Fraction.ratio(48, 10), section(school, Section.P).resource(IndicatorCode.RA4).value());
    }

    @Test
    void wholeSchoolFacilitiesAreApportionedAndPerSectionFacilitiesAreNot() {
        Fixtures.SchoolSpec whole = SchoolItemsTest.nineYear(CODE, 1000, 1000);
        SectionResult primary = section(whole, Section.P);
        assertTrue(primary.facilitiesApportioned());
        assertEquals(Fraction.ratio(10, 21), primary.facilityShare());
        // 16,000 m² × 10/21 ÷ 1000 pupils
        assertEquals(Fraction.of(16000).times(Fraction.ratio(10, 21)).dividedBy(1000),
                primary.resource(IndicatorCode.RA4).value());

        Fixtures.SchoolSpec split = SchoolItemsTest.nineYear("5001990202", 1000, 1000);
        split.whole = null;
        split.section(Section.P).facilities = new Fixtures.FacilitySpec();
        split.section(Section.J).facilities = new Fixtures.FacilitySpec();
        split.section(Section.J).facilities.teaching = new BigDecimal("7000");
        SectionResult ownPrimary = section(split, Section.P);
        assertFalse(ownPrimary.facilitiesApportioned());
        assertEquals(Fraction.ONE, ownPrimary.facilityShare());
        assertEquals(Fraction.of(6), ownPrimary.resource(IndicatorCode.RA4).value());
        assertEquals(Fraction.of(7), section(split, Section.J).resource(IndicatorCode.RA4).value());
    }

    @Test
    void gapTextsGiveTheShortfallFromThePupils() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).key = 7; // 0.7 of 1.0: 3 more key teachers for 1000 pupils
        ItemResult keyTeachers = item(evaluate(school), IndicatorCode.RA2, CODE + "/P");
        assertTrue(keyTeachers.gap().contains("还需县级及以上骨干教师 3 名"), keyTeachers.gap());
        assertTrue(keyTeachers.gap().contains("(needs 3 more county-level-or-above key teachers)"), keyTeachers.gap());
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, keyTeachers.severity(), "70% of the standard");

        Fixtures.SchoolSpec sports = Fixtures.primary("5001990202");
        sports.section(Section.P).facilities.ground = new BigDecimal("6260"); // 6.26 of 7.5: 1,240 m² short
        ItemResult area = item(evaluate(sports), IndicatorCode.RA5, "5001990202/P");
        assertTrue(area.gap().contains("还需运动场馆面积 1,240 m² (needs 1,240 m² more sports area)"), area.gap());
    }

    @Test
    void aSectionWithoutFacilitiesIsNotEvaluableRatherThanZero() {
        Fixtures.SchoolSpec school = Fixtures.primary(CODE);
        school.section(Section.P).facilities = null;
        DistrictEvaluation evaluation = evaluate(school);
        assertTrue(evaluation.section(CODE, Section.P).isEmpty());
        assertEquals(Outcome.NOT_EVALUABLE, item(evaluation, IndicatorCode.RA_SCHOOL, CODE + "/P").outcome());
        assertTrue(evaluation.findings().isEmpty());
        assertTrue(evaluation.readiness().reasons().stream()
                .anyMatch(r -> r.indicator() == IndicatorCode.RA_SCHOOL && r.text().contains("无法评估")));
    }
}

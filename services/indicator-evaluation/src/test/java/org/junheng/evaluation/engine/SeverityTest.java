package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

/** Severity: veto > county rule > breaks the school pass rule > unmet but the school still passes. */
class SeverityTest {

    private static Map<String, Severity> severities(DistrictInputs inputs) {
        return Evaluator.evaluate(StandardCatalog.national(), inputs).findings().stream()
                .collect(Collectors.toMap(f -> f.indicator().code() + " " + f.subject().key(),
                        FindingRaised::severity));
    }

    @Test
    void theSeveritiesAreOrderedFromVetoDown() {
        assertEquals(List.of(Severity.VETO, Severity.COUNTY_RULE, Severity.BREAKS_SCHOOL_PASS_RULE,
                Severity.UNMET_SCHOOL_STILL_PASSES), Arrays.asList(Severity.values()));
    }

    @Test
    void everyRuleGivesItsSeverity() {
        Fixtures.SchoolSpec stillPasses = Fixtures.primary("5001990401");
        stillPasses.section(Section.P).facilities.multimedia = 22; // RA7 2.2 of 2.3 (95.7%)
        Fixtures.SchoolSpec breaks = Fixtures.primary("5001990402");
        breaks.section(Section.P).facilities.ground = new BigDecimal("3000"); // RA5 3.0 of 7.5 (40%)
        breaks.section(Section.P).largest = 50; // GG5, a county rule measured on the section
        Fixtures.SchoolSpec spread = Fixtures.primary("5001990403");
        spread.section(Section.P).facilities.ground = new BigDecimal("40000"); // RA5 far above: CV-RA5-P fails

        List<CountyFiguresSubmitted> figures = new ArrayList<>(Fixtures.compliantFigures());
        figures.add(Fixtures.figures(CountyFigureSetKind.VETO_DECLARATION, Fixtures.v("V1", 0), Fixtures.v("V2", 1),
                Fixtures.v("V3", 0), Fixtures.v("V4", 0), Fixtures.v("V5", 0), Fixtures.v("V6", 0)));
        figures.add(Fixtures.figures(CountyFigureSetKind.TEACHER_PAY, Fixtures.v("teacherAveragePay", 100000),
                Fixtures.v("civilServantAveragePay", 110000)));
        Map<String, Severity> severity = severities(Fixtures.district(stillPasses, breaks, spread,
                Fixtures.junior("5001990404")).withCountyFigures(figures));

        assertEquals(Severity.VETO, severity.get("V2 county"));
        assertEquals(Severity.COUNTY_RULE, severity.get("GG8 county"));
        assertEquals(Severity.COUNTY_RULE, severity.get("CV-RA5-P county"));
        assertEquals(Severity.COUNTY_RULE, severity.get("GG5 5001990402/P"));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severity.get("RA5 5001990402/P"));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severity.get("RA-SCHOOL 5001990402/P"));
        assertEquals(Severity.UNMET_SCHOOL_STILL_PASSES, severity.get("RA7 5001990401/P"));
        assertEquals(7, severity.size(), severity.toString());
    }

    @Test
    void everyUnmetItemOfAFailingSectionBreaksThePassRule() {
        Fixtures.SchoolSpec school = Fixtures.primary("5001990401");
        school.section(Section.P).facilities.multimedia = 22; // 95.7%: would pass alone
        school.section(Section.P).key = 9; // 90%: would pass alone; together they break the rule
        Map<String, Severity> severity = severities(Fixtures.district(school, Fixtures.junior("5001990404")));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severity.get("RA7 5001990401/P"));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severity.get("RA2 5001990401/P"));
        assertTrue(severity.containsKey("RA-SCHOOL 5001990401/P"));
        assertEquals(3, severity.size());
    }

    @Test
    void theFindingOfEveryUnmetItemIsTheCountyRuleExceptResourceAndVeto() {
        for (IndicatorCode code : IndicatorCode.values()) {
            Severity expected = switch (code.category()) {
                case VETO -> Severity.VETO;
                case RESOURCE_ALLOCATION -> null; // depends on the section's pass rule
                default -> Severity.COUNTY_RULE;
            };
            if (expected == null) {
                continue;
            }
            // the sample district raises findings of some codes; each must carry the category's severity
            Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs()).findings().stream()
                    .filter(f -> f.indicator() == code)
                    .forEach(f -> assertEquals(expected, f.severity(), f.indicator().code()));
        }
    }
}

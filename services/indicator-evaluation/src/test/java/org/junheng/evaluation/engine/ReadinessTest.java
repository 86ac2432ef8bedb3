package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

/** STANDARD.md §6. */
class ReadinessTest {

    private static Readiness readiness(DistrictInputs inputs) {
        return Evaluator.evaluate(StandardCatalog.national(), inputs).readiness();
    }

    private static boolean reasonFor(Readiness readiness, IndicatorCode indicator) {
        return readiness.reasons().stream().anyMatch(r -> r.indicator() == indicator);
    }

    @Test
    void aCountyMeetingEverythingIsReady() {
        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(), Fixtures.compliantDistrict());
        assertTrue(evaluation.readiness().ready(), evaluation.readiness().reasons().toString());
        assertTrue(evaluation.findings().isEmpty());
        ReadinessChanged event = evaluation.readinessEvent();
        assertTrue(event.ready());
        assertEquals(0, event.openFindings());
        assertEquals("CN-2017", event.standardVersion());
    }

    @Test
    void basicBalanceMustBeRecognisedAtLeastThreeYearsEarlier() {
        assertTrue(readiness(Fixtures.compliantDistrict().withBasicBalanceRecognisedIn(2021)).ready(), "3 years");
        Readiness tooRecent = readiness(Fixtures.compliantDistrict().withBasicBalanceRecognisedIn(2022));
        assertFalse(tooRecent.ready());
        assertTrue(tooRecent.reasons().get(0).text().contains("不足3年"), tooRecent.reasons().toString());
        Readiness unknown = readiness(Fixtures.compliantDistrict().withBasicBalanceRecognisedIn(null));
        assertEquals(1, unknown.reasons().size());
        assertEquals(null, unknown.reasons().get(0).indicator());
    }

    /** SR1 and EQ9 rest on the national survey and monitoring: a county's own figures make the verdict provisional. */
    @Test
    void aVerdictOnTheCountysOwnSurveyIsProvisional() {
        DistrictInputs own = Fixtures.compliantDistrict();
        Readiness provisional = readiness(own);
        assertTrue(provisional.ready());
        assertEquals(2, provisional.provisional().size(), provisional.provisional().toString());
        assertTrue(provisional.provisional().get(0).startsWith("SR1 社会认可度"), provisional.provisional().toString());

        List<org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted> national = own.countyFigures().stream()
                .map(set -> new org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted(set.districtCode(), set.period(),
                        set.kind(), set.department(), set.values().stream().map(v ->
                        new org.junheng.contracts.schooldata.FigureValue(v.key(), v.qualifier(), v.value(),
                                org.junheng.contracts.schooldata.FigureSource.NATIONAL)).toList()))
                .toList();
        Readiness settled = readiness(own.withCountyFigures(national));
        assertTrue(settled.ready());
        assertEquals(List.of(), settled.provisional());
    }

    /** The precondition's second part: since the recognition, every year's monitoring found the county high. */
    @Test
    void theYearlyMonitoringMustHaveStayedHighSinceTheRecognition() {
        DistrictInputs recognised2016 = Fixtures.compliantDistrict().withBasicBalanceRecognisedIn(2016);
        int period = recognised2016.period();
        java.util.Map<Integer, Boolean> years = new java.util.HashMap<>();
        for (int year = 2017; year < period; year++) {
            years.put(year, true);
        }
        assertTrue(readiness(recognised2016.withBasicBalanceMonitoring(years)).ready());

        years.put(2019, false);
        years.remove(2021);
        years.remove(2022);
        Readiness slipped = readiness(recognised2016.withBasicBalanceMonitoring(years));
        assertFalse(slipped.ready());
        assertEquals(List.of(ReadinessReason.Kind.UNMET, ReadinessReason.Kind.DATA_MISSING),
                slipped.reasons().stream().map(ReadinessReason::kind).toList());
        assertTrue(slipped.reasons().get(0).text().startsWith("2019年基本均衡年度监测未保持高位"),
                slipped.reasons().get(0).text());
        assertTrue(slipped.reasons().get(1).text().startsWith("未登记2021–2022年基本均衡年度监测结果"),
                slipped.reasons().get(1).text());
    }

    @Test
    void aSingleUnmetResourceItemDoesNotBlockButABrokenSchoolRuleDoes() {
        Fixtures.SchoolSpec nearlyThere = Fixtures.primary("5001990601");
        nearlyThere.section(Section.P).facilities.multimedia = 22;
        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(),
                Fixtures.compliantDistrict(nearlyThere));
        assertEquals(1, evaluation.findings().size(), "a finding for the district plan's goal");
        assertTrue(evaluation.readiness().ready(), "but the national rule holds");

        nearlyThere.section(Section.P).key = 9;
        Readiness broken = readiness(Fixtures.compliantDistrict(nearlyThere));
        assertFalse(broken.ready());
        assertEquals(List.of(IndicatorCode.RA_SCHOOL), broken.reasons().stream().map(ReadinessReason::indicator)
                .toList());
        assertTrue(broken.reasons().get(0).text().startsWith("1个学校学段未达到校级资源配置标准"));
    }

    @Test
    void everyUnmetCoefficientGuaranteeQualityRecognitionAndVetoItemIsAReason() {
        Fixtures.SchoolSpec spread = Fixtures.primary("5001990601");
        spread.section(Section.P).facilities.ground = new BigDecimal("40000");
        Fixtures.SchoolSpec crowded = Fixtures.primary("5001990602");
        crowded.section(Section.P).largest = 46;
        List<CountyFiguresSubmitted> figures = new ArrayList<>(Fixtures.compliantFigures());
        figures.add(Fixtures.figures(CountyFigureSetKind.SATISFACTION_SURVEY,
                Fixtures.v("satisfaction", new BigDecimal("0.80"))));
        figures.add(Fixtures.figures(CountyFigureSetKind.VETO_DECLARATION, Fixtures.v("V1", 0), Fixtures.v("V2", 0),
                Fixtures.v("V3", 0), Fixtures.v("V4", 0), Fixtures.v("V5", 0), Fixtures.v("V6", 1)));
        Readiness readiness = readiness(Fixtures.compliantDistrict(spread, crowded).withCountyFigures(figures));
        assertFalse(readiness.ready());
        for (IndicatorCode code : List.of(IndicatorCode.CV_RA5_P, IndicatorCode.GG5, IndicatorCode.SR1,
                IndicatorCode.V6)) {
            assertTrue(reasonFor(readiness, code), code.code() + " in " + readiness.reasons());
        }
        assertTrue(readiness.reasons().stream().anyMatch(r -> r.text().startsWith("存在一票否决情形")));
    }

    @Test
    void aSchoolThatHasNotReportedBlocksReadiness() {
        DistrictInputs inputs = Fixtures.compliantDistrict();
        List<SchoolInput> schools = new ArrayList<>(inputs.schools());
        schools.add(new SchoolInput("5001990699", schools.get(0).profile(), null));
        Readiness readiness = readiness(inputs.withSchools(schools));
        assertFalse(readiness.ready());
        assertTrue(readiness.reasons().stream().anyMatch(r -> r.indicator() == null
                && r.text().startsWith("1所学校未报送2024年统计数据")), readiness.reasons().toString());
    }

    @Test
    void aCountyWithoutJuniorSectionsCannotShowItsJuniorBalance() {
        Readiness readiness = readiness(Fixtures.district(Fixtures.primary("5001990601")));
        assertTrue(reasonFor(readiness, IndicatorCode.CV_RA1_J));
        assertFalse(reasonFor(readiness, IndicatorCode.CV_RA1_P));
    }
}

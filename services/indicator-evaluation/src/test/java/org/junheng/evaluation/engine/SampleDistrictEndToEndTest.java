package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolSectionEvaluated;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dadukou sample district end to end: the CSV and register of school-intake through the engine, against
 * expected-summary.txt of the sample generator.
 */
class SampleDistrictEndToEndTest {

    private static ExpectedSummary expected;
    private static DistrictEvaluation evaluation;

    @BeforeAll
    static void evaluate() {
        expected = ExpectedSummary.read(SampleDistrict.EXPECTED_SUMMARY);
        evaluation = Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs());
    }

    /** Rounds the exact value half-up to the decimals the summary prints. */
    private static BigDecimal like(BigDecimal expectedValue, Fraction actual) {
        return actual.toBigDecimal(expectedValue.scale());
    }

    @Test
    void sectionsAndPupilsAreTheSampleOnes() {
        assertEquals(35, evaluation.sections().size());
        assertEquals(26, evaluation.sections().stream().filter(s -> s.section() == Section.P).count());
        assertEquals(27660, evaluation.sections().stream().filter(s -> s.section() == Section.P)
                .mapToInt(SectionResult::pupils).sum());
        assertEquals(11726, evaluation.sections().stream().filter(s -> s.section() == Section.J)
                .mapToInt(SectionResult::pupils).sum());
        assertEquals("CN-2017", evaluation.standardVersion());
    }

    @Test
    void reproducesAllFourteenCoefficientsOfVariation() {
        assertEquals(14, expected.coefficients().size());
        assertEquals(14, evaluation.variations().size());
        expected.coefficients().values().forEach(c -> {
            CountyVariation actual = evaluation.variation(IndicatorCode.fromCode(c.code())).orElseThrow();
            assertEquals(c.coefficient(), actual.variation().coefficient().setScale(4, RoundingMode.HALF_UP),
                    c.code() + " CV");
            assertEquals(c.mean(), like(c.mean(), actual.variation().mean()), c.code() + " mean");
            assertEquals(c.standardDeviation(), actual.variation().standardDeviation()
                    .setScale(c.standardDeviation().scale(), RoundingMode.HALF_UP), c.code() + " S");
            assertEquals(c.met(), actual.met(), c.code() + " met");
        });
        assertFalse(evaluation.variation(IndicatorCode.CV_RA5_P).orElseThrow().met(), "CV-RA5-P fails");
    }

    @Test
    void theFailingCoefficientIsDrivenByTheListedSchools() {
        List<CountyVariation.Contribution> largest = evaluation.variation(IndicatorCode.CV_RA5_P).orElseThrow()
                .largestFirst();
        assertEquals(5, expected.failingShares().size());
        for (int i = 0; i < expected.failingShares().size(); i++) {
            ExpectedSummary.Share share = expected.failingShares().get(i);
            assertEquals(share.schoolCode(), largest.get(i).schoolCode());
            assertEquals(share.share(), largest.get(i).share().toBigDecimal(4));
            assertEquals(share.value(), largest.get(i).value().toBigDecimal(4));
        }
        BigDecimal total = largest.stream().map(c -> c.share().toBigDecimal(30)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, total.setScale(20, RoundingMode.HALF_UP).compareTo(BigDecimal.ONE), "shares add up to 1");
    }

    @Test
    void reproducesEverySectionsValuesUnmetItemsAndSchoolPassRule() {
        assertEquals(35, expected.sections().size());
        expected.sections().forEach((key, s) -> {
            SectionResult actual = evaluation.section(s.schoolCode(), Section.valueOf(s.section())).orElseThrow();
            assertEquals(s.pupils(), actual.pupils(), key);
            s.values().forEach((code, value) -> assertEquals(value,
                    like(value, actual.resource(IndicatorCode.fromCode(code)).value()), key + " " + code));
            Map<String, BigDecimal> unmet = actual.unmet().stream().collect(Collectors.toMap(
                    v -> v.indicator().code(), v -> v.shareOfStandard().times(100).toBigDecimal(1)));
            assertEquals(s.unmetPercentOfStandard(), unmet, key + " unmet items");
            assertEquals(s.passesSchoolRule(), actual.passesSchoolRule(), key + " RA-SCHOOL");
        });
        assertEquals(2, evaluation.sections().stream().filter(s -> !s.passesSchoolRule()).count());
    }

    @Test
    void raisesExactlyTheFindingsTheSummaryLists() {
        Set<String> actual = new TreeSet<>(evaluation.findings().stream()
                .map(f -> f.indicator().code() + " " + f.subject().key()).toList());
        assertEquals(new TreeSet<>(expected.expectedFindings()), actual);
        assertEquals(19, actual.size(), "9 RA items, 2 RA-SCHOOL, 1 CV, 7 per-school GG/EQ checks");
    }

    @Test
    void otherChecksCarryTheSummarysNumbers() {
        for (ExpectedSummary.OtherCheck check : expected.otherChecks()) {
            FindingRaised finding = evaluation.findings().stream()
                    .filter(f -> f.indicator().code().equals(check.indicator())
                            && f.subject().key().equals(check.subjectKey()))
                    .findFirst().orElseThrow();
            String detail = check.detail();
            switch (check.indicator()) {
                case "GG4" -> { // "2480 compulsory pupils > 2400"
                    String[] parts = detail.split(" ");
                    assertEquals(new BigDecimal(parts[0]), finding.measured());
                    assertEquals(0, new BigDecimal(parts[4]).compareTo(finding.required()), detail);
                }
                case "GG5" -> { // "largest class 52 > 45"
                    String[] parts = detail.split(" ");
                    assertEquals(new BigDecimal(parts[2]), finding.measured());
                    assertEquals(0, new BigDecimal(parts[4]).compareTo(finding.required()), detail);
                }
                case "GG13" -> { // "in-catchment 99.87% < 100% (28470 / 28508; outside: 2150473309 38)"
                    assertTrue(finding.gap().contains(detail.split(" ")[1]), finding.gap());
                    String outside = detail.substring(detail.indexOf("outside: ") + 9, detail.length() - 1);
                    for (String school : outside.split(", ")) {
                        assertTrue(finding.gap().contains(school), school + " in " + finding.gap());
                    }
                }
                case "EQ4" -> // "training 20200 / operating 439200 = 4.60% < 5%"
                        assertTrue(finding.gap().contains(detail.split(" ")[6]), finding.gap());
                default -> throw new AssertionError("unexpected check " + check);
            }
            assertEquals(Severity.COUNTY_RULE, finding.severity());
        }
    }

    @Test
    void countyRetentionIsComputedFromTheJuniorCohorts() {
        ItemResult retention = evaluation.items(IndicatorCode.EQ1).get(0);
        assertTrue(retention.met());
        assertEquals(Fraction.ratio(expected.retained(), expected.retentionBase()).toBigDecimal(4),
                retention.measured());
    }

    @Test
    void severitiesFollowTheSchoolPassRule() {
        Map<String, Severity> severities = evaluation.findings().stream().collect(Collectors.toMap(
                f -> f.indicator().code() + " " + f.subject().key(), FindingRaised::severity));
        // 实验小学: RA4 and RA5 unmet, so the section fails RA-SCHOOL
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severities.get("RA4 2150202506/P"));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severities.get("RA5 2150202506/P"));
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severities.get("RA-SCHOOL 2150202506/P"));
        // 茄子溪中学: a single item, but at 77.9% of its standard
        assertEquals(Severity.BREAKS_SCHOOL_PASS_RULE, severities.get("RA5 2150706640/J"));
        // 新工小学: a single item at 90.4%: the section still passes
        assertEquals(Severity.UNMET_SCHOOL_STILL_PASSES, severities.get("RA5 2150301319/P"));
        assertEquals(Severity.COUNTY_RULE, severities.get("CV-RA5-P county"));
    }

    @Test
    void gapTextsStateTheConcreteShortfall() {
        FindingRaised sports = evaluation.findings().stream()
                .filter(f -> f.indicator() == IndicatorCode.RA5 && f.subject().key().equals("2150202506/P"))
                .findFirst().orElseThrow();
        // 2480 pupils × 7.5 m² − 12,896 m² (5.20 m² per pupil) = 5,704 m²
        assertTrue(sports.gap().contains("还需运动场馆面积 5,704 m²"), sports.gap());
        assertTrue(sports.gap().contains("needs 5,704 m² more sports area"), sports.gap());
        FindingRaised equipment = evaluation.findings().stream()
                .filter(f -> f.indicator() == IndicatorCode.RA6 && f.subject().key().equals("2150195010/J"))
                .findFirst().orElseThrow();
        assertTrue(equipment.gap().contains("按学段分摊口径"), equipment.gap());
    }

    @Test
    void publishedEventsCarryTheResults() {
        List<SchoolSectionEvaluated> sections = evaluation.schoolSectionEvents();
        assertEquals(35, sections.size());
        SchoolSectionEvaluated shiyan = sections.stream()
                .filter(s -> s.schoolCode().equals("2150202506")).findFirst().orElseThrow();
        assertFalse(shiyan.passesSchoolRule());
        assertTrue(shiyan.indicatorValues().stream().anyMatch(v -> v.indicator() == IndicatorCode.GG5 && !v.met()));
        assertEquals(new BigDecimal("4.1000"), shiyan.indicatorValues().stream()
                .filter(v -> v.indicator() == IndicatorCode.RA4).findFirst().orElseThrow().measured());

        CountyEvaluated county = evaluation.countyEvent();
        assertEquals(35, county.schoolSections());
        assertEquals(33, county.schoolSectionsPassing());
        assertEquals(14, county.variations().size());
        assertEquals(new BigDecimal("0.5423"), county.variations().stream()
                .filter(v -> v.indicator() == IndicatorCode.CV_RA5_P).findFirst().orElseThrow().coefficient());
        assertNotNull(county.indicatorValues().stream().filter(v -> v.indicator() == IndicatorCode.GG12)
                .findFirst().orElseThrow().measured());
    }

    /**
     * The county event travels as one Kafka record. The published payload is PostgreSQL's jsonb text, a little wider
     * than compact JSON; 35 sections stay well under the 64 KiB record limit the e2e consumers run with.
     */
    @Test
    void theCountyEventFitsOneRecordWithRoom() throws Exception {
        int bytes = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .writeValueAsBytes(evaluation.countyEvent()).length;
        assertTrue(bytes < 48 * 1024, bytes + " bytes");
    }

    @Test
    void isNotReadyAndSaysWhy() {
        assertFalse(evaluation.readiness().ready());
        Set<IndicatorCode> blocking = evaluation.readiness().reasons().stream().map(ReadinessReason::indicator)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        for (IndicatorCode code : List.of(IndicatorCode.RA_SCHOOL, IndicatorCode.CV_RA5_P, IndicatorCode.GG4,
                IndicatorCode.GG5, IndicatorCode.GG13, IndicatorCode.EQ4,
                // the sample has no county figures and no attestations: not evaluable, not passed
                IndicatorCode.GG1, IndicatorCode.GG7, IndicatorCode.GG8, IndicatorCode.EQ3, IndicatorCode.SR1,
                IndicatorCode.V1)) {
            assertTrue(blocking.contains(code), code.code() + " should be a readiness reason");
        }
        assertFalse(blocking.contains(IndicatorCode.RA5), "single RA items do not block readiness");
        assertFalse(blocking.contains(IndicatorCode.EQ1), "EQ1 is met");
        assertTrue(evaluation.readiness().reasons().stream()
                .anyMatch(r -> r.indicator() == null && r.text().contains("基本均衡")));
    }
}

package org.junheng.evaluation.engine;

import static org.junheng.evaluation.engine.SchoolItemsTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.evaluation.standard.StandardOverlay;
import org.junheng.evaluation.standard.ThresholdKeys;
import org.junit.jupiter.api.Test;

/** County items from county figures, from school data and from attestations. */
class CountyItemsTest {

    private static final Standard NATIONAL = StandardCatalog.national();

    private static DistrictEvaluation withFigures(CountyFiguresSubmitted... replacements) {
        List<CountyFiguresSubmitted> figures = new ArrayList<>(Fixtures.compliantFigures());
        figures.addAll(List.of(replacements)); // a later set of the same kind replaces the earlier one
        return Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict().withCountyFigures(figures));
    }

    private static ItemResult county(DistrictEvaluation evaluation, IndicatorCode indicator) {
        return item(evaluation, indicator, "county");
    }

    @Test
    void theCompliantCountyMeetsEveryCountyItem() {
        DistrictEvaluation evaluation = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict());
        for (IndicatorCode code : List.of(IndicatorCode.GG1, IndicatorCode.GG2, IndicatorCode.GG7, IndicatorCode.GG8,
                IndicatorCode.GG9, IndicatorCode.GG10, IndicatorCode.GG11, IndicatorCode.GG14, IndicatorCode.GG15,
                IndicatorCode.EQ1, IndicatorCode.EQ2, IndicatorCode.EQ3, IndicatorCode.EQ5, IndicatorCode.EQ6,
                IndicatorCode.EQ7, IndicatorCode.EQ8, IndicatorCode.EQ9, IndicatorCode.SR1, IndicatorCode.V1,
                IndicatorCode.V6)) {
            assertTrue(county(evaluation, code).met(), code.code() + ": " + county(evaluation, code).note());
        }
    }

    @Test
    void specialEducationFundingFollowsTheStandardVersionInForce() {
        DistrictEvaluation national = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict());
        assertEquals(new BigDecimal("7000"), county(national, IndicatorCode.GG7).measured());
        assertTrue(county(national, IndicatorCode.GG7).met());

        Standard chongqing = NATIONAL.withOverlay(StandardOverlay.named("CQ-2021")
                .set(IndicatorCode.GG7, ThresholdKeys.MINIMUM, new BigDecimal("8000")).build());
        DistrictEvaluation local = Evaluator.evaluate(chongqing, Fixtures.compliantDistrict());
        ItemResult gg7 = county(local, IndicatorCode.GG7);
        assertTrue(gg7.unmet());
        assertEquals(0, new BigDecimal("8000").compareTo(gg7.required()));
        assertTrue(gg7.gap().contains("还需增加公用经费 100,000 元"), gg7.gap());
        assertEquals("CN-2017+CQ-2021", local.findings().get(0).standardVersion());
    }

    @Test
    void equalPayMeetsGg8AndLowerPayDoesNot() {
        assertTrue(county(withFigures(Fixtures.figures(CountyFigureSetKind.TEACHER_PAY,
                Fixtures.v("teacherAveragePay", 110000), Fixtures.v("civilServantAveragePay", 110000))),
                IndicatorCode.GG8).met());
        ItemResult lower = county(withFigures(Fixtures.figures(CountyFigureSetKind.TEACHER_PAY,
                Fixtures.v("teacherAveragePay", 109000), Fixtures.v("civilServantAveragePay", 110000))),
                IndicatorCode.GG8);
        assertTrue(lower.unmet());
        assertTrue(lower.gap().contains("教师人均还需增加 1,000 元"), lower.gap());
    }

    /** GG8 has two halves: equal pay, and the performance-pay totals fully approved. */
    @Test
    void gg8AlsoNeedsThePerformancePayTotalsFullyApproved() {
        ItemResult notApproved = county(withFigures(Fixtures.figures(CountyFigureSetKind.PERFORMANCE_PAY,
                Fixtures.v("performancePayFullyApproved", 0))), IndicatorCode.GG8);
        assertTrue(notApproved.unmet());
        assertTrue(notApproved.gap().startsWith("教师绩效工资总量未足额核定"), notApproved.gap());
        List<CountyFiguresSubmitted> withoutIt = new ArrayList<>(Fixtures.compliantFigures());
        withoutIt.removeIf(set -> set.kind() == CountyFigureSetKind.PERFORMANCE_PAY);
        ItemResult missing = county(Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withCountyFigures(withoutIt)), IndicatorCode.GG8);
        assertEquals(Outcome.NOT_EVALUABLE, missing.outcome());
        assertTrue(missing.note().contains("performancePayFullyApproved"), missing.note());
    }

    @Test
    void rotationNeedsTenPercentAndTwentyPercentKeyTeachers() {
        assertTrue(county(withFigures(Fixtures.figures(CountyFigureSetKind.TEACHER_ROTATION,
                Fixtures.v("eligibleTeachers", 1000), Fixtures.v("rotatedTeachers", 100),
                Fixtures.v("rotatedKeyTeachers", 20))), IndicatorCode.GG11).met(), "exactly 10% and 20%");
        ItemResult fewKey = county(withFigures(Fixtures.figures(CountyFigureSetKind.TEACHER_ROTATION,
                Fixtures.v("eligibleTeachers", 1000), Fixtures.v("rotatedTeachers", 100),
                Fixtures.v("rotatedKeyTeachers", 19))), IndicatorCode.GG11);
        assertTrue(fewKey.unmet());
        assertEquals(new BigDecimal("0.1900"), fewKey.measured());
        assertEquals(0, new BigDecimal("0.20").compareTo(fewKey.required()));
        ItemResult fewRotated = county(withFigures(Fixtures.figures(CountyFigureSetKind.TEACHER_ROTATION,
                Fixtures.v("eligibleTeachers", 1000), Fixtures.v("rotatedTeachers", 90),
                Fixtures.v("rotatedKeyTeachers", 18))), IndicatorCode.GG11);
        assertTrue(fewRotated.gap().contains("还需交流轮岗教师 10 名，其中骨干教师 2 名"), fewRotated.gap());
    }

    @Test
    void qualityMonitoringNeedsLevelThreeAndADifferenceRateStrictlyBelowPointFifteen() {
        ItemResult atRate = county(withFigures(Fixtures.figures(CountyFigureSetKind.NATIONAL_QUALITY_MONITORING,
                new FigureValue("level", "数学", new BigDecimal("3")),
                new FigureValue("differenceRate", "数学", new BigDecimal("0.15")))), IndicatorCode.EQ9);
        assertTrue(atRate.unmet(), "0.15 is not below 0.15");
        assertTrue(atRate.gap().contains("数学校际差异率0.15，未低于0.15"), atRate.gap());
        ItemResult lowLevel = county(withFigures(Fixtures.figures(CountyFigureSetKind.NATIONAL_QUALITY_MONITORING,
                new FigureValue("level", "科学", new BigDecimal("2")),
                new FigureValue("differenceRate", "科学", new BigDecimal("0.05")))), IndicatorCode.EQ9);
        assertTrue(lowLevel.gap().contains("科学学业水平Ⅱ级，低于Ⅲ级"), lowLevel.gap());
        assertEquals(new BigDecimal("2"), lowLevel.measured());
        ItemResult incomplete = county(withFigures(Fixtures.figures(CountyFigureSetKind.NATIONAL_QUALITY_MONITORING,
                new FigureValue("level", "体育", new BigDecimal("4")))), IndicatorCode.EQ9);
        assertEquals(Outcome.NOT_EVALUABLE, incomplete.outcome());
    }

    @Test
    void satisfactionIsRespondentWeightedAcrossGroups() {
        // parents 0.80 × 300 + pupils 0.95 × 700 = 0.905
        ItemResult sr1 = county(withFigures(Fixtures.figures(CountyFigureSetKind.SATISFACTION_SURVEY,
                new FigureValue("respondents", "家长", new BigDecimal("300")),
                new FigureValue("satisfaction", "家长", new BigDecimal("0.80")),
                new FigureValue("respondents", "学生", new BigDecimal("700")),
                new FigureValue("satisfaction", "学生", new BigDecimal("0.95")))), IndicatorCode.SR1);
        assertEquals(new BigDecimal("0.9050"), sr1.measured());
        assertTrue(sr1.met());
        ItemResult low = county(withFigures(Fixtures.figures(CountyFigureSetKind.SATISFACTION_SURVEY,
                Fixtures.v("satisfaction", new BigDecimal("0.8450")))), IndicatorCode.SR1);
        assertTrue(low.gap().contains("差 0.50 个百分点"), low.gap());
        assertEquals(Severity.COUNTY_RULE, low.severity());
    }

    @Test
    void otherShareItemsReportTheirShortfall() {
        DistrictEvaluation evaluation = withFigures(
                Fixtures.figures(CountyFigureSetKind.SENIOR_HIGH_QUOTA, Fixtures.v("intakePlan", 1000),
                        Fixtures.v("allocatedPlaces", 480), Fixtures.v("allocatedToRuralJuniorSchools", 120)),
                Fixtures.figures(CountyFigureSetKind.MIGRANT_CHILDREN_PLACEMENT,
                        Fixtures.v("eligibleMigrantChildren", 1000), Fixtures.v("publicSchoolPlaces", 800),
                        Fixtures.v("purchasedPrivatePlaces", 40)),
                Fixtures.figures(CountyFigureSetKind.DISABLED_CHILDREN_ENROLMENT,
                        Fixtures.v("schoolAgeDisabledChildren", 100), Fixtures.v("mainstreamEnrolled", 60),
                        Fixtures.v("specialSchoolEnrolled", 30), Fixtures.v("homeDelivered", 4)));
        assertTrue(county(evaluation, IndicatorCode.GG14).gap().contains("还需分配 20 个名额"));
        assertTrue(county(evaluation, IndicatorCode.GG14).gap().contains("农村初中25.00%"));
        assertTrue(county(evaluation, IndicatorCode.GG15).gap().contains("还需安排 10 名随迁子女"));
        assertTrue(county(evaluation, IndicatorCode.EQ2).gap().contains("还需 1 名残疾儿童少年入学"));
    }

    @Test
    void missingFiguresAreNotEvaluableAndZeroDenominatorsAreNeverDividedBy() {
        DistrictEvaluation none = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withCountyFigures(List.of()));
        for (IndicatorCode code : List.of(IndicatorCode.GG7, IndicatorCode.GG8, IndicatorCode.GG11,
                IndicatorCode.GG14, IndicatorCode.GG15, IndicatorCode.EQ2, IndicatorCode.EQ9, IndicatorCode.SR1,
                IndicatorCode.V1)) {
            ItemResult result = county(none, code);
            assertEquals(Outcome.NOT_EVALUABLE, result.outcome(), code.code());
            assertNull(result.measured());
        }
        assertTrue(none.findings().isEmpty(), "missing data is not a finding");
        assertFalse(none.readiness().ready());

        ItemResult zero = county(withFigures(Fixtures.figures(CountyFigureSetKind.SPECIAL_EDUCATION_FUNDING,
                Fixtures.v("specialEducationPupils", 0), Fixtures.v("specialEducationOperatingFunds", 0))),
                IndicatorCode.GG7);
        assertEquals(Outcome.NOT_EVALUABLE, zero.outcome());
    }

    @Test
    void aDeclaredVetoIsAVetoFinding() {
        DistrictEvaluation evaluation = withFigures(Fixtures.figures(CountyFigureSetKind.VETO_DECLARATION,
                Fixtures.v("V1", 0), Fixtures.v("V2", 0), Fixtures.v("V3", 1), Fixtures.v("V4", 0),
                Fixtures.v("V5", 0), Fixtures.v("V6", 0)));
        ItemResult v3 = county(evaluation, IndicatorCode.V3);
        assertTrue(v3.unmet());
        assertEquals(Severity.VETO, v3.severity());
        assertTrue(v3.gap().startsWith("存在一票否决情形：设置重点学校或重点班"), v3.gap());
        assertTrue(county(evaluation, IndicatorCode.V2).met());
    }

    @Test
    void retentionAndTrainingAreComputedFromTheSchools() {
        Fixtures.SchoolSpec dropouts = Fixtures.junior("5001990301");
        // (300 − 5 + 2) / (330 − 1) = 297 / 329 = 90.27%
        dropouts.cohort = new RetentionCohort(2021, 330, 300, 5, 2, 1);
        Fixtures.SchoolSpec untrained = Fixtures.primary("5001990302");
        untrained.section(Section.P).trained = 50;
        DistrictEvaluation evaluation = Evaluator.evaluate(NATIONAL, Fixtures.district(dropouts, untrained));
        ItemResult eq1 = county(evaluation, IndicatorCode.EQ1);
        assertEquals(Fraction.ratio(297, 329).toBigDecimal(4), eq1.measured());
        assertTrue(eq1.gap().contains("还需巩固 16 名学生"), eq1.gap());
        ItemResult gg9 = county(evaluation, IndicatorCode.GG9);
        assertTrue(gg9.gap().contains("还需 10 名教师完成培训"), gg9.gap());
    }

    // ------------------------------------------------------------------------------------------ attestations

    /**
     * A zero base (no teacher eligible for rotation) awaits the office's declaration; declared not applicable with
     * evidence, the item is neither a finding nor a readiness reason, and an open finding about it is resolved.
     */
    @Test
    void aZeroBaseIsNotApplicableOnceTheOfficeDeclaresIt() {
        CountyFiguresSubmitted noneEligible = Fixtures.figures(CountyFigureSetKind.TEACHER_ROTATION,
                Fixtures.v("eligibleTeachers", 0), Fixtures.v("rotatedTeachers", 0), Fixtures.v("rotatedKeyTeachers", 0));
        List<CountyFiguresSubmitted> figures = new ArrayList<>(Fixtures.compliantFigures());
        figures.add(noneEligible);
        DistrictInputs zero = Fixtures.compliantDistrict().withCountyFigures(figures);
        DistrictEvaluation awaiting = Evaluator.evaluate(NATIONAL, zero);
        ItemResult pending = county(awaiting, IndicatorCode.GG11);
        assertEquals(Outcome.NOT_EVALUABLE, pending.outcome());
        assertTrue(pending.attested(), "it awaits the office's declaration");
        assertTrue(pending.note().contains("不适用"), pending.note());
        assertTrue(awaiting.readiness().reasons().stream().anyMatch(r -> r.indicator() == IndicatorCode.GG11
                && r.kind() == org.junheng.contracts.evaluation.ReadinessReason.Kind.AWAITING_ATTESTATION));

        List<AttestationRecorded> attestations = new ArrayList<>(Fixtures.compliantAttestations());
        attestations.add(Fixtures.attestation(IndicatorCode.GG11, Subject.county(), AttestationVerdict.NOT_APPLICABLE,
                null, LocalDate.of(2024, 11, 2)));
        DistrictEvaluation declared = Evaluator.evaluate(NATIONAL, zero.withAttestations(attestations));
        ItemResult notApplicable = county(declared, IndicatorCode.GG11);
        assertEquals(Outcome.NOT_APPLICABLE, notApplicable.outcome());
        assertTrue(declared.readiness().reasons().stream().noneMatch(r -> r.indicator() == IndicatorCode.GG11));
        assertTrue(declared.findings().stream().noneMatch(f -> f.indicator() == IndicatorCode.GG11));
        assertTrue(declared.countyEvent().indicatorValues().stream().noneMatch(v -> v.indicator() == IndicatorCode.GG11),
                "not a ledger line: neither met nor unmet");

        // a finding about the item from before the declaration is resolved as no longer applicable
        var fewRotated = Fixtures.figures(CountyFigureSetKind.TEACHER_ROTATION, Fixtures.v("eligibleTeachers", 1000),
                Fixtures.v("rotatedTeachers", 10), Fixtures.v("rotatedKeyTeachers", 5));
        var before = withFigures(fewRotated).findings().stream().filter(f -> f.indicator() == IndicatorCode.GG11)
                .findFirst().orElseThrow();
        FindingDiff diff = FindingDiff.between(List.of(before), java.util.Set.of(), declared);
        assertEquals(List.of(org.junheng.contracts.evaluation.ResolutionBasis.NO_LONGER_APPLICABLE),
                diff.resolved().stream().map(r -> r.basis()).toList());
    }

    /** GG15-CARE and EQ10 are attested like the other judged items; an overlay may make EQ10 (双减) a veto. */
    @Test
    void theCareSystemAndDoubleReductionAreJudgedAndALocalStandardMayMakeDoubleReductionAVeto() {
        List<AttestationRecorded> attestations = new ArrayList<>(Fixtures.compliantAttestations());
        attestations.removeIf(a -> a.indicator() == IndicatorCode.GG15_CARE || a.indicator() == IndicatorCode.EQ10);
        DistrictEvaluation awaiting = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withAttestations(attestations));
        assertEquals(Outcome.NOT_EVALUABLE, county(awaiting, IndicatorCode.GG15_CARE).outcome());
        assertEquals(Outcome.NOT_EVALUABLE, county(awaiting, IndicatorCode.EQ10).outcome());

        attestations.add(Fixtures.attestation(IndicatorCode.EQ10, Subject.county(), AttestationVerdict.UNMET, null,
                LocalDate.of(2024, 11, 2)));
        var inputs = Fixtures.compliantDistrict().withAttestations(attestations);
        assertEquals(org.junheng.contracts.Severity.COUNTY_RULE,
                county(Evaluator.evaluate(NATIONAL, inputs), IndicatorCode.EQ10).severity());
        var strict = NATIONAL.withOverlay(org.junheng.evaluation.standard.StandardOverlay.named("CQ-2022")
                .set(IndicatorCode.EQ10, "veto", java.math.BigDecimal.ONE).build());
        assertEquals(org.junheng.contracts.Severity.VETO, county(Evaluator.evaluate(strict, inputs),
                IndicatorCode.EQ10).severity());
    }

    @Test
    void theLatestAttestationIsInForce() {
        List<AttestationRecorded> attestations = new ArrayList<>(Fixtures.compliantAttestations());
        attestations.add(Fixtures.attestation(IndicatorCode.GG1, Subject.county(), AttestationVerdict.UNMET, null,
                LocalDate.of(2024, 10, 1))); // older than the MET of 1 November
        DistrictEvaluation older = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withAttestations(attestations));
        assertTrue(county(older, IndicatorCode.GG1).met());

        attestations.add(Fixtures.attestation(IndicatorCode.GG1, Subject.county(), AttestationVerdict.UNMET, null,
                LocalDate.of(2024, 11, 1))); // same day, recorded later
        ItemResult unmet = county(Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withAttestations(attestations)), IndicatorCode.GG1);
        assertTrue(unmet.unmet());
        assertTrue(unmet.attested());
        assertNull(unmet.measured());
        assertTrue(unmet.gap().contains("王敏"), unmet.gap());
    }

    @Test
    void missingAttestationsAreNotEvaluable() {
        DistrictEvaluation evaluation = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withAttestations(List.of()));
        assertEquals(Outcome.NOT_EVALUABLE, county(evaluation, IndicatorCode.GG10).outcome());
        assertEquals(3, evaluation.items(IndicatorCode.EQ3).stream()
                .filter(i -> i.outcome() == Outcome.NOT_EVALUABLE).count(), "per school without a county judgment");
        assertTrue(evaluation.readiness().reasons().stream().anyMatch(r -> r.indicator() == IndicatorCode.GG10));
        assertTrue(evaluation.findings().isEmpty());
    }

    @Test
    void aSchoolsOwnAttestationTakesPrecedenceAndEq6NeedsGoodOrBetter() {
        List<AttestationRecorded> attestations = new ArrayList<>(Fixtures.compliantAttestations());
        Subject school = Subject.school("5001990001", "测试学校001");
        attestations.add(Fixtures.attestation(IndicatorCode.EQ6, school, AttestationVerdict.MET,
                AttestationGrade.PASSING, LocalDate.of(2024, 11, 2)));
        DistrictEvaluation evaluation = Evaluator.evaluate(NATIONAL, Fixtures.compliantDistrict()
                .withAttestations(attestations));
        ItemResult own = item(evaluation, IndicatorCode.EQ6, "5001990001");
        assertTrue(own.unmet(), "合格 is below 良好");
        assertTrue(own.gap().contains("评定等级为合格，低于良好"), own.gap());
        assertTrue(item(evaluation, IndicatorCode.EQ6, "county").met(), "the county judgment covers the others");
        assertEquals(Severity.COUNTY_RULE, own.severity());
    }
}

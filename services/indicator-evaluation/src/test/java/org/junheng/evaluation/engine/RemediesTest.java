package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCode;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

/**
 * 整改建议 on the sample district, whose primary sports-ground coefficient (CV-RA5-P, 0.5423) exceeds 0.50: every
 * option, applied as what-if changes and evaluated by the engine, meets the limit; one unit less at the same school
 * does not; the spread plan lifts the sections furthest below the mean.
 */
class RemediesTest {

    static final Standard STANDARD = StandardCatalog.national();
    static final DistrictInputs INPUTS = SampleDistrict.inputs();
    static final DistrictEvaluation BASELINE = Evaluator.evaluate(STANDARD, INPUTS);
    static final CountyVariation SPORTS = BASELINE.variations().stream()
            .filter(v -> v.indicator() == IndicatorCode.CV_RA5_P).findFirst().orElseThrow();
    static final Remedies.Lever LEVER = Remedies.Lever.of(IndicatorCode.RA5);

    static Map<String, SectionResult> sections(CountyVariation variation) {
        return BASELINE.sections().stream().filter(s -> s.section() == variation.section())
                .collect(Collectors.toMap(SectionResult::schoolCode, Function.identity()));
    }

    static CountyVariation after(List<Remedies.Addition> additions) {
        DistrictEvaluation evaluation = Simulation.run(STANDARD, INPUTS, additions.stream()
                .map(a -> LEVER.change(a.schoolCode(), a.section(), a.amount())).toList()).simulated();
        return evaluation.variations().stream().filter(v -> v.indicator() == IndicatorCode.CV_RA5_P)
                .findFirst().orElseThrow();
    }

    @Test
    void everyOptionMeetsTheLimitWhenTheEngineEvaluatesIt() {
        assertFalse(SPORTS.met(), "the sample's CV-RA5-P is over its limit");
        List<Remedies.Remedy> remedies = Remedies.of(SPORTS, sections(SPORTS));
        assertTrue(remedies.stream().anyMatch(r -> r.kind() == Remedies.Kind.ONE_SCHOOL), remedies.toString());
        assertTrue(remedies.stream().anyMatch(r -> r.kind() == Remedies.Kind.SPREAD), remedies.toString());
        for (Remedies.Remedy remedy : remedies) {
            CountyVariation checked = after(remedy.additions());
            assertTrue(checked.met(), remedy + " gives " + checked.variation().coefficient());
            assertEquals(checked.variation().coefficient().setScale(4, java.math.RoundingMode.HALF_UP),
                    remedy.coefficientAfter(), remedy.toString());
        }
    }

    @Test
    void aOneSchoolOptionIsTheLeastWholeAmountAtThatSchool() {
        List<Remedies.Remedy> options = Remedies.of(SPORTS, sections(SPORTS)).stream()
                .filter(r -> r.kind() == Remedies.Kind.ONE_SCHOOL).toList();
        for (int i = 1; i < options.size(); i++) {
            assertTrue(options.get(i - 1).total().compareTo(options.get(i).total()) <= 0, "smallest first");
        }
        for (Remedies.Remedy option : options) {
            Remedies.Addition addition = option.additions().get(0);
            Remedies.Addition oneLess = new Remedies.Addition(addition.schoolCode(), addition.schoolName(),
                    addition.section(), addition.amount().subtract(BigDecimal.ONE));
            assertFalse(after(List.of(oneLess)).met(), "one m² less at " + addition.schoolName() + " is not enough");
            var contribution = SPORTS.contributions().stream()
                    .filter(c -> c.schoolCode().equals(addition.schoolCode())).findFirst().orElseThrow();
            assertFalse(SPORTS.aboveMean(contribution), "more at a school above the mean widens the gap");
        }
    }

    @Test
    void theSpreadPlanLiftsTheSectionsFurthestBelowTheMean() {
        Remedies.Remedy spread = Remedies.of(SPORTS, sections(SPORTS)).stream()
                .filter(r -> r.kind() == Remedies.Kind.SPREAD).findFirst().orElseThrow();
        assertTrue(spread.additions().size() > 1);
        var lifted = spread.additions().stream().map(Remedies.Addition::schoolCode).toList();
        var lowest = SPORTS.contributions().stream().min(java.util.Comparator.comparing(CountyVariation
                .Contribution::value)).orElseThrow();
        assertTrue(lifted.contains(lowest.schoolCode()), "the lowest section is lifted");
        assertTrue(SPORTS.contributions().stream().filter(c -> lifted.contains(c.schoolCode()))
                .noneMatch(SPORTS::aboveMean), "only sections below the mean are lifted");
        assertEquals(spread.additions().stream().map(Remedies.Addition::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add), spread.total());
    }

    @Test
    void aCoefficientWithinItsLimitNeedsNothing() {
        CountyVariation met = BASELINE.variations().stream().filter(CountyVariation::met).findFirst().orElseThrow();
        assertEquals(List.of(), Remedies.of(met, sections(met)));
    }

    @Test
    void theQuadraticsLeastPositiveRoot() {
        // (d − 2)(d − 5) = d² − 7d + 10 ≤ 0 from d = 2
        assertEquals(2.0, Remedies.leastPositiveRoot(1, -7, 10), 1e-12);
        // −(d − 3)(d + 1) = −d² + 2d + 3 ≤ 0 from d = 3
        assertEquals(3.0, Remedies.leastPositiveRoot(-1, 2, 3), 1e-12);
        // d² + 1 > 0 always: no remedy
        assertTrue(Double.isNaN(Remedies.leastPositiveRoot(1, 0, 1)));
    }
}

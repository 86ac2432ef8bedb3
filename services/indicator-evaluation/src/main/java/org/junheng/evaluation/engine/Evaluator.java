package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.IndicatorValue;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.ThresholdKeys;

/**
 * Evaluates a district period against a standard version. A pure function: the same inputs and standard give the same
 * result, item for item and finding id for finding id.
 *
 * <p>Rounding rule: every comparison with a threshold is made on the exact value ({@link Fraction}; for coefficients
 * of variation S² ≤ L²·X̄²), so exactly-at-threshold passes and nothing flips by rounding. Reported values are rounded
 * half-up to 4 decimals (integers stay integers); shortfalls in gap texts are rounded up.
 */
public final class Evaluator {

    /** Items measured on schools that {@link DistrictEvaluation#countyValues()} rolls up for the county. */
    /** Items judged per school whose county value is only the share of schools meeting them. */
    public static final List<IndicatorCode> ROLLED_UP = List.of(IndicatorCode.GG3, IndicatorCode.GG4,
            IndicatorCode.GG5, IndicatorCode.GG6, IndicatorCode.GG12, IndicatorCode.EQ3,
            IndicatorCode.EQ4, IndicatorCode.EQ6);

    private Evaluator() {
    }

    /**
     * @throws IllegalArgumentException when a school code appears twice in the inputs (the caller's register is
     *                                  inconsistent; evaluating would give two findings one id)
     */
    public static DistrictEvaluation evaluate(Standard standard, DistrictInputs inputs) {
        EvaluationContext ctx = new EvaluationContext(standard, inputs.districtCode(), inputs.period());
        SchoolEvaluator schools = new SchoolEvaluator(ctx);
        CountyEvaluator county = new CountyEvaluator(ctx);

        List<SchoolInput> reported = new ArrayList<>();
        List<SchoolInput> notReported = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SchoolInput school : inputs.schools()) {
            if (!seen.add(school.schoolCode())) {
                throw new IllegalArgumentException("school " + school.schoolCode() + " appears twice in the inputs");
            }
            (school.statistics() == null ? notReported : reported).add(school);
        }

        List<SectionResult> sections = new ArrayList<>();
        List<ItemResult> schoolItems = new ArrayList<>();
        List<CountyCatchment.Part> catchmentParts = new ArrayList<>();
        for (SchoolInput school : reported) {
            SchoolEvaluator.Result result = schools.evaluate(school);
            sections.addAll(result.sections());
            schoolItems.addAll(result.items());
            catchmentParts.addAll(result.catchment());
        }
        CountyCatchment catchment = new CountyCatchment(catchmentParts);

        CountyEvaluator.Balance balance = county.balance(sections, notReported);
        List<ItemResult> items = new ArrayList<>(schoolItems);
        items.addAll(balance.items());
        items.add(county.training(reported));
        county.catchment(catchment).ifPresent(items::add);
        items.add(county.retention(reported));
        Attestations attestations = Attestations.inForce(inputs.districtCode(), inputs.period(),
                inputs.attestations());
        items.addAll(county.fromFigures(CountyFigures.inForce(inputs.districtCode(), inputs.period(),
                inputs.countyFigures()), attestations));
        items.addAll(county.attested(attestations, inputs.schools()));

        List<IndicatorValue> countyValues = countyValues(standard, items, county.certifiedShare(reported));
        Readiness readiness = ReadinessAssessor.assess(standard, inputs, notReported, items);
        Set<String> notEvaluated = new LinkedHashSet<>();
        notReported.forEach(school -> notEvaluated.add(school.schoolCode()));
        return new DistrictEvaluation(inputs.districtCode(), inputs.period(), standard.version(), sections,
                balance.variations(), items, countyValues, notEvaluated, readiness,
                catchment.toContract(county.catchmentMinimum()));
    }

    /**
     * County items (coefficients of variation included) as they are; per-school items as the share of subjects
     * meeting them (GG12: certified share).
     */
    private static List<IndicatorValue> countyValues(Standard standard, List<ItemResult> items,
                                                     Optional<Fraction> certifiedShare) {
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorCode indicator : IndicatorCode.values()) {
            if (indicator.category() == IndicatorCategory.RESOURCE_ALLOCATION) {
                continue; // in the section events
            }
            List<ItemResult> results = items.stream().filter(item -> item.indicator() == indicator).toList();
            if (indicator.category() == IndicatorCategory.COUNTY_BALANCE) {
                // the coefficients as ledger lines with their gaps; the variance shares are in the variations
                results.stream().filter(item -> item.stated()).findFirst()
                        .ifPresent(item -> values.add(item.toIndicatorValue()));
                continue;
            }
            if (results.isEmpty()) {
                continue; // not applicable in this district (e.g. GG6 without small schools)
            }
            boolean allMet = results.stream().allMatch(ItemResult::met);
            if (indicator == IndicatorCode.GG12) {
                values.add(new IndicatorValue(indicator,
                        certifiedShare.map(EvaluationContext::reported).orElse(null),
                        standard.number(IndicatorCode.GG12, ThresholdKeys.MINIMUM), allMet));
            } else if (ROLLED_UP.contains(indicator)) {
                long met = results.stream().filter(ItemResult::met).count();
                values.add(new IndicatorValue(indicator,
                        EvaluationContext.reported(Fraction.ratio(met, results.size())), BigDecimal.ONE, allMet));
            } else {
                // not evaluable items (figures not yet submitted) are readiness reasons, not values
                results.stream().filter(item -> item.subject().level() == SubjectLevel.COUNTY)
                        .filter(item -> item.stated()).findFirst()
                        .ifPresent(item -> values.add(item.toIndicatorValue()));
            }
        }
        return values;
    }
}

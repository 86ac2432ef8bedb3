package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.evaluation.VarianceShare;
import org.junheng.contracts.evaluation.Variation;

/**
 * The county balance rule for one resource indicator and one section set ({@code CV-RAk-P} / {@code CV-RAk-J}).
 *
 * @param contributions  every school section of the set, in evaluation order, with its share of the variance
 * @param missingSchools schools with such a section that have not reported for the period
 */
public record CountyVariation(IndicatorCode indicator, Section section, WeightedVariation variation, BigDecimal limit,
                              boolean met, List<Contribution> contributions, List<String> missingSchools) {

    /** One school section's part in a coefficient: (P_i/P)(X_i − X̄)² ÷ S². */
    public record Contribution(String schoolCode, String schoolName, int pupils, Fraction value, Fraction share) {
    }

    /** Whether the section's value is above the weighted mean: more of the resource there widens the gap. */
    public boolean aboveMean(Contribution contribution) {
        return contribution.value().compareTo(variation.mean()) > 0;
    }

    public CountyVariation {
        contributions = List.copyOf(contributions);
        missingSchools = List.copyOf(missingSchools);
    }

    /** Computed over every school of the county with such a section; else never met. */
    public boolean complete() {
        return missingSchools.isEmpty();
    }

    /** Contributions, largest share first (ties in evaluation order): the schools that drive a failing coefficient. */
    public List<Contribution> largestFirst() {
        return contributions.stream().sorted(Comparator.comparing(Contribution::share).reversed()).toList();
    }

    /**
     * The published form: mean, S and CV rounded half-up to 4 decimals, each beside its exact value (a fraction, or
     * 34 significant digits for S and CV); shares largest first, each above or below the mean. Shares travel rounded
     * only: their exact fractions grow with the district and would swell the event past a consumer's record limit.
     */
    public Variation toContract() {
        int scale = ResourceValue.SCALE;
        List<VarianceShare> shares = largestFirst().stream()
                .map(c -> new VarianceShare(c.schoolCode(), c.schoolName(), c.pupils(), c.value().toBigDecimal(scale),
                        c.share().toBigDecimal(scale), aboveMean(c)))
                .toList();
        return new Variation(indicator, contributions.size(), variation.pupils(), variation.mean().toBigDecimal(scale),
                variation.standardDeviation().setScale(scale, RoundingMode.HALF_UP),
                variation.coefficient().setScale(scale, RoundingMode.HALF_UP), limit, met, shares,
                variation.mean().toString(), variation.standardDeviation().toPlainString(),
                variation.coefficient().toPlainString(), complete(), missingSchools);
    }
}

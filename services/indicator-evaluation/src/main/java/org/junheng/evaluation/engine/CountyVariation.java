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
 * @param contributions every school section of the set, in evaluation order, with its share of the variance
 */
public record CountyVariation(IndicatorCode indicator, Section section, WeightedVariation variation, BigDecimal limit,
                              boolean met, List<Contribution> contributions) {

    /** One school section's part in a coefficient: (P_i/P)(X_i − X̄)² ÷ S². */
    public record Contribution(String schoolCode, String schoolName, int pupils, Fraction value, Fraction share) {
    }

    public CountyVariation {
        contributions = List.copyOf(contributions);
    }

    /** Contributions, largest share first (ties in evaluation order): the schools that drive a failing coefficient. */
    public List<Contribution> largestFirst() {
        return contributions.stream().sorted(Comparator.comparing(Contribution::share).reversed()).toList();
    }

    /** The published form: mean, S and CV rounded half-up to 4 decimals; shares largest first. */
    public Variation toContract() {
        int scale = ResourceValue.SCALE;
        List<VarianceShare> shares = largestFirst().stream()
                .map(c -> new VarianceShare(c.schoolCode(), c.schoolName(), c.pupils(), c.value().toBigDecimal(scale),
                        c.share().toBigDecimal(scale)))
                .toList();
        return new Variation(indicator, contributions.size(), variation.pupils(), variation.mean().toBigDecimal(scale),
                variation.standardDeviation().setScale(scale, RoundingMode.HALF_UP),
                variation.coefficient().setScale(scale, RoundingMode.HALF_UP), limit, met, shares);
    }
}

package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

/**
 * The pupil-weighted coefficient of variation (差异系数) of STANDARD.md §1, population form:
 * <pre>
 *   P  = Σ P_i
 *   X̄  = Σ P_i·X_i / P
 *   S  = sqrt( Σ (P_i/P)·(X_i − X̄)² )
 *   CV = S / X̄
 * </pre>
 * Mean and variance are exact; S and CV are irrational in general and carried with 34 significant digits. Whether a
 * CV is within its limit is decided exactly, without the square root: CV ≤ L ⟺ S² ≤ L²·X̄² (S ≥ 0, X̄ &gt; 0).
 *
 * @param pupils        P
 * @param mean          X̄, exact
 * @param variance      S², exact
 * @param shares        per point, in input order: (P_i/P)(X_i − X̄)² ÷ S²; all zero when S² is zero
 */
public record WeightedVariation(long pupils, Fraction mean, Fraction variance, BigDecimal standardDeviation,
                                BigDecimal coefficient, List<Fraction> shares) {

    /** 34 significant digits (IEEE 754 decimal128) for the square root and the division by the mean. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    /** One school section: its pupils (the weight) and its indicator value. */
    public record Point(long pupils, Fraction value) {

        public Point {
            if (pupils < 0) {
                throw new IllegalArgumentException("pupils must not be negative: " + pupils);
            }
        }
    }

    public WeightedVariation {
        shares = List.copyOf(shares);
    }

    /**
     * Computes the coefficient of a section set.
     *
     * @throws IllegalArgumentException when the set has no pupils (no weights) or its weighted mean is zero (the
     *                                  coefficient is undefined); never divides by zero
     */
    public static WeightedVariation of(List<Point> points) {
        long total = points.stream().mapToLong(Point::pupils).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("coefficient of variation undefined: the section set has no pupils");
        }
        Fraction totalPupils = Fraction.of(total);
        Fraction weightedSum = Fraction.ZERO;
        for (Point point : points) {
            weightedSum = weightedSum.plus(point.value().times(point.pupils()));
        }
        Fraction mean = weightedSum.dividedBy(totalPupils);
        if (mean.signum() <= 0) {
            // resources are never negative, so a mean that is not positive means every section has none
            throw new IllegalArgumentException("coefficient of variation undefined: the weighted mean is zero");
        }
        Fraction[] terms = new Fraction[points.size()];
        Fraction variance = Fraction.ZERO;
        for (int i = 0; i < terms.length; i++) {
            Point point = points.get(i);
            terms[i] = Fraction.ratio(point.pupils(), total).times(point.value().minus(mean).square());
            variance = variance.plus(terms[i]);
        }
        BigDecimal standardDeviation = variance.toBigDecimal(PRECISION).sqrt(PRECISION);
        BigDecimal coefficient = standardDeviation.divide(mean.toBigDecimal(PRECISION), PRECISION);
        Fraction s2 = variance;
        List<Fraction> shares = Arrays.stream(terms)
                .map(term -> s2.signum() == 0 ? Fraction.ZERO : term.dividedBy(s2))
                .toList();
        return new WeightedVariation(total, mean, variance, standardDeviation, coefficient, shares);
    }

    /** CV ≤ limit, decided exactly: S² ≤ limit²·X̄² (a coefficient exactly at the limit passes). */
    public boolean withinLimit(BigDecimal limit) {
        Fraction l = Fraction.of(limit);
        return limit.signum() >= 0 && variance.compareTo(l.square().times(mean.square())) <= 0;
    }
}

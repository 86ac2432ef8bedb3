package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightedVariationTest {

    private static WeightedVariation books(long[] pupils, long[] books) {
        List<WeightedVariation.Point> points = new ArrayList<>();
        for (int i = 0; i < pupils.length; i++) {
            points.add(new WeightedVariation.Point(pupils[i], Fraction.ratio(books[i], pupils[i])));
        }
        return WeightedVariation.of(points);
    }

    @Test
    void thePublishedExampleIsPupilWeighted() {
        long[] pupils = {45, 37, 89, 76, 55};
        long[] books = {279, 137, 935, 160, 402};
        WeightedVariation weighted = books(pupils, books);
        assertEquals(new BigDecimal("6.334"), weighted.mean().toBigDecimal(3));
        assertEquals(new BigDecimal("0.515"), weighted.coefficient().setScale(3, RoundingMode.HALF_UP));
        assertEquals(new BigDecimal("0.52"), weighted.coefficient().setScale(2, RoundingMode.HALF_UP), "as published");

        // the same five schools with equal weights: the unweighted CV of 0.489 that must not be the result
        List<WeightedVariation.Point> unweighted = new ArrayList<>();
        for (int i = 0; i < pupils.length; i++) {
            unweighted.add(new WeightedVariation.Point(1, Fraction.ratio(books[i], pupils[i])));
        }
        assertEquals(new BigDecimal("0.489"), WeightedVariation.of(unweighted).coefficient()
                .setScale(3, RoundingMode.HALF_UP));
        assertTrue(weighted.withinLimit(new BigDecimal("0.52")));
        assertFalse(weighted.withinLimit(new BigDecimal("0.50")), "0.515 exceeds the primary limit");
    }

    @Test
    void theMeanIsTheCountyTotalOverTheCountyPupils() {
        WeightedVariation v = books(new long[] {45, 37, 89, 76, 55}, new long[] {279, 137, 935, 160, 402});
        assertEquals(Fraction.ratio(279 + 137 + 935 + 160 + 402, 45 + 37 + 89 + 76 + 55), v.mean());
        assertEquals(302, v.pupils());
    }

    @Test
    void aCoefficientExactlyAtTheLimitPasses() {
        // values 1 and 3 with equal pupils: mean 2, S 1, CV exactly 0.5
        WeightedVariation v = WeightedVariation.of(List.of(new WeightedVariation.Point(100, Fraction.of(1)),
                new WeightedVariation.Point(100, Fraction.of(3))));
        assertEquals(0, new BigDecimal("0.5").compareTo(v.coefficient()));
        assertTrue(v.withinLimit(new BigDecimal("0.50")));
        assertFalse(v.withinLimit(new BigDecimal("0.4999999999")));
    }

    @Test
    void equalValuesHaveNoVariationAndZeroShares() {
        WeightedVariation v = WeightedVariation.of(List.of(new WeightedVariation.Point(10, Fraction.of(5)),
                new WeightedVariation.Point(30, Fraction.of(5))));
        assertEquals(0, v.coefficient().signum());
        assertEquals(List.of(Fraction.ZERO, Fraction.ZERO), v.shares());
        assertTrue(v.withinLimit(BigDecimal.ZERO));
    }

    @Test
    void zeroPupilsAreRejectedNotDividedBy() {
        assertThrows(IllegalArgumentException.class, () -> WeightedVariation.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> WeightedVariation.of(List.of(
                new WeightedVariation.Point(0, Fraction.of(4)), new WeightedVariation.Point(0, Fraction.of(6)))));
        assertThrows(IllegalArgumentException.class, () -> new WeightedVariation.Point(-1, Fraction.ONE));
    }

    @Test
    void aZeroMeanIsRejectedNotDividedBy() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WeightedVariation.of(
                List.of(new WeightedVariation.Point(10, Fraction.ZERO),
                        new WeightedVariation.Point(20, Fraction.ZERO))));
        assertTrue(error.getMessage().contains("mean"));
    }

    /** Property: scaling every value by a positive factor leaves the coefficient (exactly: CV²) unchanged. */
    @Test
    void theCoefficientIsInvariantUnderScalingAllValues() {
        Random random = new Random(5001042024L);
        for (int run = 0; run < 300; run++) {
            List<WeightedVariation.Point> points = randomPoints(random);
            Fraction factor = Fraction.ratio(1 + random.nextInt(100_000), 1 + random.nextInt(1000));
            List<WeightedVariation.Point> scaled = points.stream()
                    .map(p -> new WeightedVariation.Point(p.pupils(), p.value().times(factor))).toList();
            WeightedVariation original = WeightedVariation.of(points);
            WeightedVariation rescaled = WeightedVariation.of(scaled);
            assertEquals(original.variance().dividedBy(original.mean().square()),
                    rescaled.variance().dividedBy(rescaled.mean().square()), "CV² exactly, run " + run);
            assertEquals(0, original.coefficient().setScale(25, RoundingMode.HALF_UP)
                    .compareTo(rescaled.coefficient().setScale(25, RoundingMode.HALF_UP)), "run " + run);
            assertEquals(original.shares(), rescaled.shares(), "variance shares, run " + run);
            BigDecimal limit = BigDecimal.valueOf(random.nextInt(100), 2);
            assertEquals(original.withinLimit(limit), rescaled.withinLimit(limit), "run " + run);
        }
    }

    /** Property: the variance shares add up to exactly 1 whenever there is variation. */
    @Test
    void varianceSharesAddUpToOne() {
        Random random = new Random(42);
        for (int run = 0; run < 300; run++) {
            WeightedVariation v = WeightedVariation.of(randomPoints(random));
            Fraction total = v.shares().stream().reduce(Fraction.ZERO, Fraction::plus);
            assertEquals(v.variance().signum() == 0 ? Fraction.ZERO : Fraction.ONE, total, "run " + run);
        }
    }

    /** Property: the coefficient agrees with the textbook formula evaluated in doubles. */
    @Test
    void theCoefficientAgreesWithTheFormulaInDoubles() {
        Random random = new Random(7);
        for (int run = 0; run < 300; run++) {
            List<WeightedVariation.Point> points = randomPoints(random);
            double p = points.stream().mapToDouble(WeightedVariation.Point::pupils).sum();
            double mean = points.stream().mapToDouble(x -> x.pupils() * x.value().toBigDecimal(20).doubleValue())
                    .sum() / p;
            double variance = points.stream().mapToDouble(x -> x.pupils() / p
                    * Math.pow(x.value().toBigDecimal(20).doubleValue() - mean, 2)).sum();
            double cv = Math.sqrt(variance) / mean;
            assertEquals(cv, WeightedVariation.of(points).coefficient().doubleValue(), 1e-9, "run " + run);
        }
    }

    private static List<WeightedVariation.Point> randomPoints(Random random) {
        int n = 1 + random.nextInt(30);
        List<WeightedVariation.Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new WeightedVariation.Point(1 + random.nextInt(3000),
                    Fraction.of(BigDecimal.valueOf(random.nextInt(2_000_000), 2))));
        }
        if (points.stream().allMatch(p -> p.value().signum() == 0)) {
            points.set(0, new WeightedVariation.Point(points.get(0).pupils(), Fraction.ONE));
        }
        return points;
    }
}

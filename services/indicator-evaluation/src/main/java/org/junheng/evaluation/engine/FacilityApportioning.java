package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.evaluation.standard.ApportioningWeights;
import org.junheng.evaluation.standard.PupilGroup;

/**
 * Splits whole-school facilities of a school spanning sections by weighted pupils (STANDARD.md §1, convention): a
 * section's share is its weighted pupils over the weighted pupils of everyone sharing the facilities, senior pupils
 * included. 九年一贯制 with 166 P + 210 J pupils: P gets 166/(166 + 1.1·210), J gets 1.1·210/(166 + 1.1·210).
 */
public final class FacilityApportioning {

    private FacilityApportioning() {
    }

    /**
     * Each section's exact share of the whole-school facilities.
     *
     * @param pupils       pupils per compulsory section of the school
     * @param seniorPupils senior pupils sharing the facilities (完全中学, 十二年一贯制); 0 otherwise
     * @throws IllegalArgumentException when nobody shares the facilities (no weighted pupils to divide by)
     */
    public static Map<Section, Fraction> shares(ApportioningWeights weights, SchoolType type,
                                                Map<Section, Integer> pupils, int seniorPupils) {
        Map<Section, Fraction> weighted = new EnumMap<>(Section.class);
        Fraction total = Fraction.ZERO;
        for (Map.Entry<Section, Integer> entry : pupils.entrySet()) {
            Fraction w = Fraction.of(weights.weight(type, PupilGroup.of(entry.getKey()))).times(entry.getValue());
            weighted.put(entry.getKey(), w);
            total = total.plus(w);
        }
        total = total.plus(Fraction.of(weights.weight(type, PupilGroup.SENIOR)).times(seniorPupils));
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("cannot apportion facilities: the school has no weighted pupils");
        }
        Map<Section, Fraction> shares = new EnumMap<>(Section.class);
        for (Map.Entry<Section, Fraction> entry : weighted.entrySet()) {
            shares.put(entry.getKey(), entry.getValue().dividedBy(total));
        }
        return shares;
    }

    /** A quantity's part for one share, exact. */
    public static Fraction apportion(BigDecimal quantity, Fraction share) {
        return Fraction.of(quantity).times(share);
    }
}

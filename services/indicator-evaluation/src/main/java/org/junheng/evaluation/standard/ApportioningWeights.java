package org.junheng.evaluation.standard;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junheng.contracts.SchoolType;

/**
 * The weights by which whole-school facilities of a school spanning sections are apportioned to its sections
 * (STANDARD.md §1, convention): 九年一贯制 P:J = 1:1.1, 完全中学 J:senior = 1:1.2, 十二年一贯制 P:J:senior = 1:1.1:1.32.
 * A pupil group without a weight for its school type weighs 1.
 *
 * @param weights    weight per pupil group, per school type
 * @param convention true: the weights are a convention, not confirmed official wording
 * @param label      Chinese (and English) description for the catalogue
 */
public record ApportioningWeights(Map<SchoolType, Map<PupilGroup, BigDecimal>> weights, boolean convention,
                                  String label) {

    public ApportioningWeights {
        EnumMap<SchoolType, Map<PupilGroup, BigDecimal>> copy = new EnumMap<>(SchoolType.class);
        weights.forEach((type, groups) -> copy.put(type, Map.copyOf(new EnumMap<>(groups))));
        weights = Map.copyOf(copy);
    }

    /** The weight of one pupil of a group at a school of a type; 1 unless the standard says otherwise. */
    public BigDecimal weight(SchoolType type, PupilGroup group) {
        return weights.getOrDefault(type, Map.of()).getOrDefault(group, BigDecimal.ONE);
    }

    /** These weights with some replaced (an overlay). */
    ApportioningWeights with(Map<SchoolType, Map<PupilGroup, BigDecimal>> replacements) {
        EnumMap<SchoolType, Map<PupilGroup, BigDecimal>> merged = new EnumMap<>(SchoolType.class);
        weights.forEach((type, groups) -> merged.put(type, new EnumMap<>(groups)));
        replacements.forEach((type, groups) -> {
            Map<PupilGroup, BigDecimal> target = merged.computeIfAbsent(type, t -> new EnumMap<>(PupilGroup.class));
            groups.forEach((group, weight) -> {
                if (weight.signum() <= 0) {
                    throw new IllegalArgumentException("apportioning weight must be positive: " + type + "/" + group);
                }
                target.put(group, weight);
            });
        });
        return new ApportioningWeights(merged, convention, label);
    }
}

package org.junheng.evaluation.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;

/**
 * A local rule set published on top of a base standard (a province's or district's stricter thresholds). Applied with
 * {@link Standard#withOverlay}; the derived version is named {@code <base>+<overlay version>}.
 *
 * @param version            the overlay's own name, e.g. {@code CQ-2021}
 * @param overrides          replaced parameters
 * @param apportioningWeights replaced apportioning weights, per school type and pupil group
 */
public record StandardOverlay(String version, String title, List<String> sources,
                              List<ParameterOverride> overrides,
                              Map<SchoolType, Map<PupilGroup, BigDecimal>> apportioningWeights) {

    public StandardOverlay {
        Objects.requireNonNull(version, "version");
        if (version.isBlank() || version.contains("+")) {
            throw new IllegalArgumentException("an overlay version is a plain name such as CQ-2021: " + version);
        }
        title = title == null ? "" : title;
        sources = List.copyOf(sources);
        overrides = List.copyOf(overrides);
        EnumMap<SchoolType, Map<PupilGroup, BigDecimal>> weights = new EnumMap<>(SchoolType.class);
        apportioningWeights.forEach((type, groups) -> weights.put(type, Map.copyOf(groups)));
        apportioningWeights = Map.copyOf(weights);
    }

    /**
     * One replaced parameter.
     *
     * @param indicator the indicator; null for a setting of the standard as a whole
     * @param section   the section of a per-section parameter; null otherwise
     */
    public record ParameterOverride(@Nullable IndicatorCode indicator, String key, @Nullable Section section,
                           @Nullable BigDecimal value, @Nullable String code) {

        public ParameterOverride {
            Objects.requireNonNull(key, "key");
            if ((value == null) == (code == null)) {
                throw new IllegalArgumentException("an override sets exactly one of a number and a code: " + key);
            }
        }
    }

    public static Builder named(String version) {
        return new Builder(version);
    }

    /** Builds an overlay in code (tests, simulations of a proposed local rule). */
    public static final class Builder {
        private final String version;
        private String title = "";
        private final List<String> sources = new ArrayList<>();
        private final List<ParameterOverride> overrides = new ArrayList<>();
        private final Map<SchoolType, Map<PupilGroup, BigDecimal>> weights = new EnumMap<>(SchoolType.class);

        private Builder(String version) {
            this.version = version;
        }

        public Builder title(String newTitle) {
            this.title = newTitle;
            return this;
        }

        public Builder source(String source) {
            sources.add(source);
            return this;
        }

        public Builder set(IndicatorCode indicator, String key, @Nullable Section section, BigDecimal value) {
            overrides.add(new ParameterOverride(indicator, key, section, value, null));
            return this;
        }

        public Builder set(IndicatorCode indicator, String key, BigDecimal value) {
            return set(indicator, key, null, value);
        }

        public Builder setCode(IndicatorCode indicator, String key, @Nullable Section section, String code) {
            overrides.add(new ParameterOverride(indicator, key, section, null, code));
            return this;
        }

        public Builder setting(String key, BigDecimal value) {
            overrides.add(new ParameterOverride(null, key, null, value, null));
            return this;
        }

        public Builder weight(SchoolType type, PupilGroup group, BigDecimal weight) {
            weights.computeIfAbsent(type, t -> new EnumMap<>(PupilGroup.class)).put(group, weight);
            return this;
        }

        public StandardOverlay build() {
            return new StandardOverlay(version, title, sources, overrides, weights);
        }
    }
}

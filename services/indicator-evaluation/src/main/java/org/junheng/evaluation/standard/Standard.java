package org.junheng.evaluation.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;

/**
 * One version of the assessment standard as data: the national {@code CN-2017} or a version derived from it by an
 * overlay (e.g. {@code CN-2017+CQ-2021}). Immutable; every evaluation records {@link #version()}.
 */
public final class Standard {

    private final String version;
    private final String title;
    private final List<String> sources;
    private final List<Threshold> settings;
    private final ApportioningWeights apportioning;
    private final Map<IndicatorCode, IndicatorRule> rules;

    Standard(String version, String title, List<String> sources, List<Threshold> settings,
             ApportioningWeights apportioning, Map<IndicatorCode, IndicatorRule> rules) {
        this.version = Objects.requireNonNull(version, "version");
        this.title = title == null ? "" : title;
        this.sources = List.copyOf(sources);
        this.settings = List.copyOf(settings);
        this.apportioning = Objects.requireNonNull(apportioning, "apportioning");
        this.rules = Map.copyOf(new EnumMap<>(rules));
        validate();
    }

    private void validate() {
        List<String> problems = new ArrayList<>();
        for (IndicatorCode code : IndicatorCode.values()) {
            IndicatorRule rule = rules.get(code);
            if (rule == null) {
                problems.add(code.code() + ": missing");
                continue;
            }
            ThresholdKeys.missing(rule).forEach(key -> problems.add(code.code() + ": no parameter " + key));
        }
        for (String key : ThresholdKeys.REQUIRED_SETTINGS) {
            if (settings.stream().noneMatch(s -> s.key().equals(key) && s.value() != null)) {
                problems.add("setting " + key + " missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("standard " + version + " is incomplete: " + problems);
        }
    }

    /** E.g. {@code CN-2017} or {@code CN-2017+CQ-2021}; recorded with every evaluation. */
    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public List<String> sources() {
        return sources;
    }

    public ApportioningWeights apportioning() {
        return apportioning;
    }

    public IndicatorRule rule(IndicatorCode code) {
        return rules.get(code);
    }

    /** A number parameter; the section-specific one when there is one. */
    public BigDecimal number(IndicatorCode code, String key, @Nullable Section section) {
        Threshold threshold = threshold(code, key, section);
        if (threshold.value() == null) {
            throw new IllegalStateException(code.code() + "/" + key + " is a code, not a number");
        }
        return threshold.value();
    }

    /** A number parameter that does not depend on the section. */
    public BigDecimal number(IndicatorCode code, String key) {
        return number(code, key, null);
    }

    /** A code parameter, e.g. the qualification RA1 counts from. */
    public String code(IndicatorCode code, String key, @Nullable Section section) {
        Threshold threshold = threshold(code, key, section);
        if (threshold.code() == null) {
            throw new IllegalStateException(code.code() + "/" + key + " is a number, not a code");
        }
        return threshold.code();
    }

    public Threshold threshold(IndicatorCode code, String key, @Nullable Section section) {
        return rules.get(code).threshold(key, section).orElseThrow(() -> new IllegalArgumentException(
                "standard " + version + " has no parameter " + key + " for " + code.code()
                        + (section == null ? "" : " " + section)));
    }

    /** A setting of the standard as a whole, e.g. {@link ThresholdKeys#TEACHING_POINT_MIN_PUPILS}. */
    public BigDecimal setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst().map(Threshold::value)
                .orElseThrow(() -> new IllegalArgumentException("standard " + version + " has no setting " + key));
    }

    public List<Threshold> settings() {
        return settings;
    }

    /**
     * The version derived from this one by an overlay: named {@code <this version>+<overlay version>}; every
     * overridden parameter must exist here (a misspelt key is rejected, not silently added).
     */
    public Standard withOverlay(StandardOverlay overlay) {
        Map<IndicatorCode, IndicatorRule> derived = new EnumMap<>(rules);
        List<Threshold> derivedSettings = new ArrayList<>(settings);
        for (StandardOverlay.ParameterOverride change : overlay.overrides()) {
            if (change.indicator() == null) {
                derivedSettings = replace(derivedSettings, change, "setting");
                continue;
            }
            IndicatorRule rule = derived.get(change.indicator());
            derived.put(change.indicator(), rule.withThresholds(replace(rule.thresholds(), change,
                    change.indicator().code())));
        }
        return new Standard(version + "+" + overlay.version(),
                overlay.title().isBlank() ? title : title + "；" + overlay.title(),
                concat(sources, overlay.sources()), derivedSettings,
                apportioning.with(overlay.apportioningWeights()), derived);
    }

    private static List<Threshold> replace(List<Threshold> thresholds, StandardOverlay.ParameterOverride change,
                                           String where) {
        List<Threshold> result = new ArrayList<>(thresholds);
        for (int i = 0; i < result.size(); i++) {
            Threshold current = result.get(i);
            if (current.matches(change.key(), change.section())) {
                if ((change.value() != null) != (current.value() != null)) {
                    throw new IllegalArgumentException("overlay changes the kind of " + where + "/" + change.key());
                }
                result.set(i, change.value() != null ? current.withValue(change.value())
                        : current.withCode(change.code()));
                return result;
            }
        }
        throw new IllegalArgumentException("overlay names an unknown parameter " + where + "/" + change.key()
                + (change.section() == null ? "" : " " + change.section()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The catalogue view served at {@code GET /api/v1/standards}: every indicator in the order of the standard. */
    public StandardCatalogue catalogue() {
        List<StandardCatalogue.Entry> entries = Arrays.stream(IndicatorCode.values())
                .map(code -> StandardCatalogue.Entry.of(rules.get(code)))
                .toList();
        return new StandardCatalogue(version, title, sources, settings, apportioning, entries);
    }

    @Override
    public String toString() {
        return "Standard[" + version + "]";
    }
}

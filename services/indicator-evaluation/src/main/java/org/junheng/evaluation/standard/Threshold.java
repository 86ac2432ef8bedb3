package org.junheng.evaluation.standard;

import java.math.BigDecimal;
import java.util.Objects;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;

/**
 * One parameter of an indicator in a standard version: a number (most thresholds) or a code (e.g. the qualification
 * RA1 counts from, the grade EQ6 requires).
 *
 * @param key        stable key within the indicator, e.g. {@code minimum}, {@code relaxedMaxPupils}
 * @param section    the section it applies to; null when it applies to the school or county as a whole
 * @param value      the number; null for a code parameter
 * @param code       the code; null for a number parameter
 * @param unit       unit of the value, may be empty
 * @param convention true when the rule is a widely used convention whose official wording was not confirmed
 * @param label      Chinese (and English) description as shown in the catalogue
 */
public record Threshold(
        String key,
        @Nullable Section section,
        @Nullable BigDecimal value,
        @Nullable String code,
        String unit,
        boolean convention,
        String label) {

    public Threshold {
        Objects.requireNonNull(key, "key");
        if ((value == null) == (code == null)) {
            throw new IllegalArgumentException("threshold " + key + " needs exactly one of a number and a code");
        }
        unit = unit == null ? "" : unit;
        label = label == null ? "" : label;
    }

    /** The same parameter with another number (overlays). */
    public Threshold withValue(BigDecimal newValue) {
        return new Threshold(key, section, newValue, null, unit, convention, label);
    }

    /** The same parameter with another code (overlays). */
    public Threshold withCode(String newCode) {
        return new Threshold(key, section, null, newCode, unit, convention, label);
    }

    boolean matches(String wantedKey, @Nullable Section wantedSection) {
        return key.equals(wantedKey) && Objects.equals(section, wantedSection);
    }
}

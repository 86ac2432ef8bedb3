package org.junheng.evaluation.standard;

import java.util.List;
import java.util.Optional;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.SubjectLevel;

/**
 * What a standard version says about one indicator: on what it is measured, how, and its thresholds.
 *
 * @param conventions texts of the conventional rules the indicator applies (STANDARD.md marks them
 *                    <em>(convention)</em>); empty when every rule is official
 */
public record IndicatorRule(
        IndicatorCode code,
        SubjectLevel measuredOn,
        Evidence evidence,
        String unit,
        String formula,
        String formulaEnglish,
        List<Threshold> thresholds,
        List<String> conventions) {

    public IndicatorRule {
        thresholds = List.copyOf(thresholds);
        conventions = List.copyOf(conventions);
    }

    /** Whether any rule of this indicator is a convention rather than confirmed official wording. */
    public boolean convention() {
        return !conventions.isEmpty() || thresholds.stream().anyMatch(Threshold::convention);
    }

    /** The parameter for a section, falling back to the one without a section. */
    public Optional<Threshold> threshold(String key, @Nullable Section section) {
        Optional<Threshold> specific = thresholds.stream().filter(t -> t.matches(key, section)).findFirst();
        if (specific.isPresent() || section == null) {
            return specific;
        }
        return thresholds.stream().filter(t -> t.matches(key, null)).findFirst();
    }

    IndicatorRule withThresholds(List<Threshold> replaced) {
        return new IndicatorRule(code, measuredOn, evidence, unit, formula, formulaEnglish, replaced, conventions);
    }
}

package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * How much an unmet item matters. The district plan demands 校校达标、项项达标, so every unmet item is a finding; the
 * severity says which national rule it also breaks, and rectification orders work by it.
 */
@JsonClassDescription("问题严重程度 (finding severity)")
public enum Severity implements Labelled {
    /** A veto condition (V1–V6) is present; recognition is blocked whatever else holds. */
    VETO("一票否决"),
    /** A county-level rule fails: a CV-RAk-* coefficient, a GG, EQ or SR item. */
    COUNTY_RULE("县级指标未达标"),
    /** An RA item is unmet and the school section no longer passes RA-SCHOOL. */
    BREAKS_SCHOOL_PASS_RULE("影响校级达标"),
    /** An RA item is unmet but the school section still passes RA-SCHOOL; only the district plan's goal is missed. */
    UNMET_SCHOOL_STILL_PASSES("单项未达标但校级仍达标");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** A supervisor's judgment on an attested item. */
@JsonClassDescription("认定结论 (verdict)")
public enum AttestationVerdict implements Labelled {
    MET("达标"),
    UNMET("未达标"),
    /** The item's base is zero (no special-education school, no eligible teachers …): declared with evidence. */
    NOT_APPLICABLE("不适用");

    private final String label;

    AttestationVerdict(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

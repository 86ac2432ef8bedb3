package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** Why a finding no longer stands. Rectification closes the finding's task on any of them. */
@JsonClassDescription("销号依据 (resolution basis)")
public enum ResolutionBasis implements Labelled {
    DATA("数据复核达标"),
    ATTESTATION("督导认定达标"),
    NO_LONGER_APPLICABLE("不再适用");

    private final String label;

    ResolutionBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

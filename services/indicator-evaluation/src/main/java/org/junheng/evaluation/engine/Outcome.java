package org.junheng.evaluation.engine;

import org.junheng.contracts.Labelled;

/** The result of one item for one subject. */
public enum Outcome implements Labelled {
    MET("达标"),
    /** Unmet: a finding. */
    UNMET("未达标"),
    /** Data or attestation missing: not a pass and not a finding, but a readiness reason. */
    NOT_EVALUABLE("无法评估"),
    /** Declared not applicable (a zero base, e.g. no special-education school): neither a finding nor a reason. */
    NOT_APPLICABLE("不适用");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

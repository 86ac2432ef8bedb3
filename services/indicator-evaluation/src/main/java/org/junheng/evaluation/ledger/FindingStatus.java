package org.junheng.evaluation.ledger;

import org.junheng.contracts.Labelled;

/** Where a finding stands. */
public enum FindingStatus implements Labelled {
    OPEN("未整改"),
    REOPENED("重新打开"),
    RESOLVED("已销号");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean open() {
        return this != RESOLVED;
    }
}

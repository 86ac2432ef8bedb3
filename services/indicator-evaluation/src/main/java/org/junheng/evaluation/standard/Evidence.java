package org.junheng.evaluation.standard;

import org.junheng.contracts.Labelled;

/** How an indicator's value is obtained; tells the catalogue's readers what data or judgment the item needs. */
public enum Evidence implements Labelled {
    /** Computed from school statistics or county figures. */
    MEASURED("数据测算"),
    /** A supervisor's judgment with evidence documents (督导认定). */
    ATTESTED("督导认定"),
    /** A department declares whether a veto condition is present. */
    DECLARED("部门申报"),
    /** The social-recognition survey. */
    SURVEY("问卷调查");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** A compulsory-education section (学段). Schools spanning sections are evaluated once per section. */
@JsonClassDescription("学段 (compulsory-education section)")
public enum Section implements Labelled {
    P("小学"),
    J("初中");

    private final String label;

    Section(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** What an indicator is measured on: the whole county, one school, or one section of a school. */
@JsonClassDescription("评估对象层级 (subject level)")
public enum SubjectLevel implements Labelled {
    COUNTY("全区"),
    SCHOOL("学校"),
    SCHOOL_SECTION("学校学段");

    private final String label;

    SubjectLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** 办学性质: public or private (民办); GG13 and GG15 distinguish them. */
@JsonClassDescription("办学性质 (ownership)")
public enum Ownership implements Labelled {
    PUBLIC("公办"),
    PRIVATE("民办");

    private final String label;

    Ownership(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

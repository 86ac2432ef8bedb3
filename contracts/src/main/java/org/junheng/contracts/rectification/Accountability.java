package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** 约谈 (those answerable summoned to account for a task) or 问责 (held accountable). */
@JsonClassDescription("约谈问责类别 (kind of accountability record)")
public enum Accountability implements Labelled {
    INTERVIEW("约谈"),
    ACCOUNTABILITY("问责");

    private final String label;

    Accountability(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

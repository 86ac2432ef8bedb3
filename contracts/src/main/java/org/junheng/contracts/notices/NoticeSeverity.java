package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** How urgently the audience must act; subscribers filter and colour by it. */
@JsonClassDescription("紧急程度 (notice severity)")
public enum NoticeSeverity implements Labelled {
    INFO("一般"),
    WARNING("警示"),
    CRITICAL("严重");

    private final String label;

    NoticeSeverity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

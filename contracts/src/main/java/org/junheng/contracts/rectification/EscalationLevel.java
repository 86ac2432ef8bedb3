package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** Who is called to account for a late task, in rising order (一把手负责制, 责任追究). */
@JsonClassDescription("督办层级 (escalation level)")
public enum EscalationLevel implements Labelled {
    DEPARTMENT("责任单位主要负责人"),
    LEADING_GROUP_OFFICE("领导小组办公室"),
    DISTRICT_GOVERNMENT("区政府");

    private final String label;

    EscalationLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

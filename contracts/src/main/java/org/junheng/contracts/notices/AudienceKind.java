package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** Who a notice is addressed to. */
@JsonClassDescription("通报对象类别 (audience kind)")
public enum AudienceKind implements Labelled {
    DISTRICT("全区各成员单位", false),
    LEADING_GROUP("领导小组", false),
    SUPERVISION_OFFICE("区政府教育督导室", false),
    DEPARTMENT("责任单位", true),
    SCHOOL("学校", true);

    private final String label;
    private final boolean needsCode;

    AudienceKind(String label, boolean needsCode) {
        this.label = label;
        this.needsCode = needsCode;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether an audience of this kind names one department or school by its code. */
    public boolean needsCode() {
        return needsCode;
    }
}

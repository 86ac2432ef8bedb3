package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** Why a task ended. */
@JsonClassDescription("关闭原因 (closure reason)")
public enum ClosureReason implements Labelled {
    /** Verified, by judgment or by data. */
    RECTIFIED("整改完成"),
    /** The finding no longer applies (school closed or merged, item dropped by the standard version). */
    NO_LONGER_APPLICABLE("不再适用"),
    /** A 报送 task: the data it asked for arrived (the readiness reason is gone). */
    DATA_SUBMITTED("数据已报送");

    private final String label;

    ClosureReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

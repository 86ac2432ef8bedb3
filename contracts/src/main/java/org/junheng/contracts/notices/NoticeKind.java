package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** The kinds of notice the supervision office issues. */
@JsonClassDescription("通报类别 (notice kind)")
public enum NoticeKind implements Labelled {
    BULLETIN("通报"),
    REMINDER("提醒"),
    OVERDUE_WARNING("逾期预警"),
    SUPERVISION_ORDER("督办通知"),
    PROGRESS_REPORT("进展情况通报");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

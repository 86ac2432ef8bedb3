package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** The kinds of notice the supervision office issues. */
@JsonClassDescription("通报类别 (notice kind)")
public enum NoticeKind implements Labelled {
    BULLETIN("通报"),
    /** One per evaluation run that raised, reopened or resolved findings. */
    FINDINGS_DIGEST("问题清单"),
    TASK_ASSIGNED("任务交办"),
    VERIFICATION_REQUESTED("核验申请"),
    VERIFICATION_RESULT("核验结果"),
    /** A task signed off (销号) or closed as no longer applicable: the lead, the helpers and the school learn of it. */
    TASK_CLOSED("任务销号"),
    READINESS_CHANGED("验收条件变化"),
    /** A finding rectified before is unmet again (三年动态监测). */
    REGRESSION("动态监测预警"),
    REMINDER("提醒"),
    OVERDUE_WARNING("逾期预警"),
    SUPERVISION_ORDER("督办通知"),
    PROGRESS_REPORT("进展情况通报"),
    /** A stage of the road to recognition, or the recognition at risk after a regression. */
    RECOGNITION("创建进程"),
    /** A version of the rectification plan drafted or approved, or a 整改项目 given to its lead unit. */
    RECTIFICATION_PLAN("整改方案"),
    /** A consumer parked a record (rate-limited); for the office to have the system administrator look. */
    SYSTEM_ALERT("系统运维提醒");

    private final String label;

    NoticeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

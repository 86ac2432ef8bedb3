package org.junheng.rectification.tasks;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.Accountability;

/** A 约谈 or 问责, of a task's unit over the task or of a unit as a whole: the same record either way. */
@Schema(description = "约谈或问责记录 (a 约谈 or 问责, on a task or of a unit as a whole)")
public record AccountabilityRequest(
        @Schema(description = "类别 (kind)，必填：INTERVIEW（约谈）或 ACCOUNTABILITY（问责）")
        Accountability kind,
        @Schema(description = "约谈或问责对象及职务 (person and post)，必填，不超过100字", example = "李建国（区教委副主任）")
        String person,
        @Schema(description = "约谈或问责日期 (date)，必填，2000年至今", example = "2026-03-31")
        LocalDate date,
        @Schema(description = "事由 (reason)，必填", example = "音乐教室改造逾期3个月未完成")
        String reason,
        @Schema(description = "结果 (outcome)，可不填", example = "表态：6月底前完成改造并报送验收材料")
        @Nullable String outcome) {
}

package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;

/** One thing standing between a county and the municipal check (市级验收). */
@JsonClassDescription("未具备验收条件的原因 (one reason a county is not ready)")
public record ReadinessReason(
        @Nullable @JsonPropertyDescription("the indicator at fault; null for preconditions such as 基本均衡 recognition")
        IndicatorCode indicator,
        @JsonPropertyDescription("Chinese explanation, e.g. 2个学校学段未达到校级资源配置标准") String text) {
}

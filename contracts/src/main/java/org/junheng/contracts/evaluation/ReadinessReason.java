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
        @JsonPropertyDescription("Chinese explanation, e.g. 2个学校学段未达到校级资源配置标准") String text,
        @Nullable @JsonPropertyDescription("what kind of reason: unmet, awaiting a supervisor's judgment, or data not "
                + "submitted; absent in events recorded before it was kept") Kind kind) {

    /** Unmet, or not evaluable because a judgment (督导认定) or data (报送) is still missing. */
    @JsonClassDescription("原因类别 (kind of readiness reason)")
    public enum Kind implements org.junheng.contracts.Labelled {
        UNMET("未达标"),
        AWAITING_ATTESTATION("待督导认定"),
        DATA_MISSING("数据未报送");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A reason of no stated kind (as events recorded before kinds were kept). */
    public ReadinessReason(@Nullable IndicatorCode indicator, String text) {
        this(indicator, text, null);
    }
}

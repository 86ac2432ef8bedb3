package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;

/** One indicator measured against the standard version in force. */
@JsonClassDescription("指标测算结果 (one indicator measured against its threshold)")
public record IndicatorValue(
        IndicatorCode indicator,
        @Nullable @JsonPropertyDescription("measured value; null for attested items") BigDecimal measured,
        @Nullable @JsonPropertyDescription("threshold of the standard version; null for attested items") BigDecimal required,
        boolean met) {
}

package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;

/**
 * One indicator measured against the standard version in force: a row of the met and unmet ledgers (已达标台账 /
 * 未达标台账). An unmet value carries the severity and gap of its finding as they stand now, so a ledger built from the
 * latest evaluation never shows a stale gap.
 */
@JsonClassDescription("指标测算结果 (one indicator measured against its threshold)")
public record IndicatorValue(
        IndicatorCode indicator,
        @Nullable @JsonPropertyDescription("measured value; null for attested items") BigDecimal measured,
        @Nullable @JsonPropertyDescription("threshold of the standard version; null for attested items") BigDecimal required,
        boolean met,
        @Nullable @JsonPropertyDescription("set when unmet: the severity of the finding") Severity severity,
        @Nullable @JsonPropertyDescription("set when unmet: Chinese description of the gap") String gap,
        @Nullable @JsonPropertyDescription("exact value: a fraction p/q (or an integer) when the value is rational, else 34 significant digits; null when not measured") String measuredExact) {

    /** A value as earlier producers wrote it, without its exact form. */
    public IndicatorValue(IndicatorCode indicator, @Nullable BigDecimal measured, @Nullable BigDecimal required,
                          boolean met, @Nullable Severity severity, @Nullable String gap) {
        this(indicator, measured, required, met, severity, gap, null);
    }

    /** A value without a finding: met, or unmet but not a finding of its own (a county roll-up). */
    public IndicatorValue(IndicatorCode indicator, @Nullable BigDecimal measured, @Nullable BigDecimal required,
                          boolean met) {
        this(indicator, measured, required, met, null, null);
    }
}

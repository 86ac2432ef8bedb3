package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import org.junheng.contracts.Nullable;

/** How much one school section drives a coefficient of variation: (P_i/P)(X_i − X̄)² / S². */
@JsonClassDescription("差异贡献 (one school section's share of the variance)")
public record VarianceShare(
        String schoolCode,
        String schoolName,
        @JsonPropertyDescription("pupils of the section (the weight P_i)") int pupils,
        @JsonPropertyDescription("the section's indicator value X_i") BigDecimal value,
        @JsonPropertyDescription("share of the variance, 0–1; the shares of a coefficient add up to 1") BigDecimal share,
        @Nullable @JsonPropertyDescription("whether X_i is above the weighted mean (raising it would widen the gap)")
        Boolean aboveMean) {

    /** A share as earlier producers wrote it, without its position. */
    public VarianceShare(String schoolCode, String schoolName, int pupils, BigDecimal value, BigDecimal share) {
        this(schoolCode, schoolName, pupils, value, share, null);
    }
}

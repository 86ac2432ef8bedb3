package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.IndicatorCode;

/** The pupil-weighted coefficient of variation (差异系数) of one resource indicator over one section set. */
@JsonClassDescription("校际差异系数 (pupil-weighted coefficient of variation of one indicator and section set)")
public record Variation(
        @JsonPropertyDescription("a CV-RAk-P or CV-RAk-J code") IndicatorCode indicator,
        @JsonPropertyDescription("school sections in the set") int schoolSections,
        @JsonPropertyDescription("pupils of the set (P)") long pupils,
        @JsonPropertyDescription("pupil-weighted mean (X̄)") BigDecimal mean,
        @JsonPropertyDescription("pupil-weighted population standard deviation (S)") BigDecimal standardDeviation,
        @JsonPropertyDescription("S ÷ X̄") BigDecimal coefficient,
        @JsonPropertyDescription("maximum allowed by the standard version, e.g. 0.50 (P) or 0.45 (J)") BigDecimal limit,
        boolean met,
        @JsonPropertyDescription("every school section's share of the variance, largest first") List<VarianceShare> shares) {

    public Variation {
        shares = List.copyOf(shares);
    }
}

package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;

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
        @JsonPropertyDescription("every school section's share of the variance, largest first") List<VarianceShare> shares,
        @Nullable @JsonPropertyDescription("X̄ exactly, as a fraction p/q") String meanExact,
        @Nullable @JsonPropertyDescription("S to 34 significant digits") String standardDeviationExact,
        @Nullable @JsonPropertyDescription("S ÷ X̄ to 34 significant digits") String coefficientExact,
        @Nullable @JsonPropertyDescription("false when schools with such a section have not reported: the coefficient is"
                + " then never met") Boolean complete,
        @Nullable @JsonPropertyDescription("the schools with such a section that have not reported") List<String>
        missingSchools) {

    public Variation {
        shares = List.copyOf(shares);
        missingSchools = missingSchools == null ? null : List.copyOf(missingSchools);
    }

    /** A coefficient as earlier producers wrote it, without its exact form. */
    public Variation(IndicatorCode indicator, int schoolSections, long pupils, BigDecimal mean,
                     BigDecimal standardDeviation, BigDecimal coefficient, BigDecimal limit, boolean met,
                     List<VarianceShare> shares) {
        this(indicator, schoolSections, pupils, mean, standardDeviation, coefficient, limit, met, shares, null, null,
                null, null, null);
    }
}

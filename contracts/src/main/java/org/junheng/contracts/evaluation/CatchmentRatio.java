package org.junheng.contracts.evaluation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.Section;

/**
 * GG13 for one section of the county: in-catchment pupils ÷ pupils over the urban and town public day schools, and
 * each of those schools' contribution.
 */
@JsonClassDescription("就近划片入学比例 (GG13: the county's in-catchment admission ratio for one section)")
public record CatchmentRatio(
        Section section,
        @JsonPropertyDescription("pupils of the urban and town public day schools' sections") long pupils,
        @JsonPropertyDescription("of them admitted within the catchment") long inCatchmentPupils,
        @JsonPropertyDescription("inCatchmentPupils ÷ pupils, rounded half-up to 4 decimals") BigDecimal ratio,
        @JsonPropertyDescription("the ratio exactly, as a fraction p/q or an integer") String ratioExact,
        @JsonPropertyDescription("the minimum of the standard version: 1 (P), 0.95 (J)") BigDecimal required,
        boolean met,
        @JsonPropertyDescription("every school section counted, most pupils from outside the catchment first")
        List<CatchmentContribution> schools) {

    public CatchmentRatio {
        schools = List.copyOf(schools);
    }

    /** One school section counted: its pupils admitted from outside its catchment, and their share of the county's. */
    @JsonClassDescription("非划片入学 (one school section's pupils admitted from outside its catchment)")
    public record CatchmentContribution(
            String schoolCode,
            String schoolName,
            int pupils,
            int inCatchmentPupils,
            @JsonPropertyDescription("pupils − inCatchmentPupils") int outsideCatchment,
            @JsonPropertyDescription("share of the county's outside-catchment pupils of the section, 0–1; 0 when none")
            BigDecimal share) {
    }
}

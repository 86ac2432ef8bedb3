package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junheng.contracts.PublishedEvent;

/**
 * A school's statistics of one reporting period; one stream per school and period. Both events carry the complete
 * form and the profile it was reported under, so the evaluation needs no other event to compute every indicator.
 */
public sealed interface SchoolStatisticsEvent extends PublishedEvent {

    String schoolCode();

    /** The reporting year (统计年度), e.g. 2024. */
    int period();

    SchoolStatistics statistics();

    @Override
    default String messageKey() {
        return districtCode() + "/" + schoolCode();
    }

    @JsonClassDescription("学校年度统计报送: a school's statistics for a reporting year")
    record SchoolStatisticsSubmitted(
            String districtCode,
            String schoolCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("the school's profile the figures were reported under") SchoolProfile profile,
            SchoolStatistics statistics) implements SchoolStatisticsEvent {
    }

    /** Replaces the submitted form as a whole; the reason is kept because corrections are audited (防止弄虚作假). */
    @JsonClassDescription("学校年度统计更正: replaces a submitted form as a whole, with the reason")
    record SchoolStatisticsCorrected(
            String districtCode,
            String schoolCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            @JsonPropertyDescription("the school's profile the figures were reported under") SchoolProfile profile,
            SchoolStatistics statistics,
            @JsonPropertyDescription("更正原因") String reason) implements SchoolStatisticsEvent {
    }
}

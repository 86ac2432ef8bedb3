package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junheng.contracts.Nullable;

/**
 * A school's yearly intake form (STANDARD.md §7). Facilities come either once for the whole school, to be apportioned
 * to its sections by weighted pupils, or already split in every {@link SectionStatistics#facilities()}.
 */
@JsonClassDescription("学校年度统计 (a school's yearly statistics)")
public record SchoolStatistics(
        List<SectionStatistics> sections,
        @JsonPropertyDescription("高中在校生 sharing the facilities (完全中学, 十二年一贯制); 0 otherwise") int seniorPupils,
        @Nullable @JsonPropertyDescription("whole-school facilities; null when every section reports its own")
        Facilities wholeSchoolFacilities,
        Funds funds,
        @Nullable @JsonPropertyDescription("junior sections only") RetentionCohort retentionCohort) {

    public SchoolStatistics {
        sections = List.copyOf(sections);
    }
}

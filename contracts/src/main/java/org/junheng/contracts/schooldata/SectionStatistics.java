package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;

/** One section of a school: each section counts as a separate school in its section's coefficient of variation. */
@JsonClassDescription("学段统计 (statistics of one school section)")
public record SectionStatistics(
        Section section,
        @JsonPropertyDescription("在校生") int pupils,
        @JsonPropertyDescription("班级数") int classes,
        @JsonPropertyDescription("最大班额 (GG5)") int largestClassSize,
        @JsonPropertyDescription("班额分布, one entry per class; may be empty when only the largest is reported")
        List<Integer> classSizes,
        @JsonPropertyDescription("随迁子女在校生") int migrantPupils,
        @Nullable @JsonPropertyDescription("划片范围内入学的学生 (GG13); null when not reported") Integer inCatchmentPupils,
        Teachers teachers,
        @Nullable @JsonPropertyDescription("this section's own facilities when the school reports them split; "
                + "null when the whole-school facilities are apportioned")
        Facilities facilities) {

    public SectionStatistics {
        classSizes = List.copyOf(classSizes);
    }
}

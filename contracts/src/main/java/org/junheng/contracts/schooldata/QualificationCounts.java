package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Full-time teachers by highest qualification (最高学历); RA1 counts 专科+ in primary and 本科+ in junior sections. */
@JsonClassDescription("专任教师最高学历分布 (full-time teachers by highest qualification)")
public record QualificationCounts(
        @JsonPropertyDescription("高中及以下") int highSchoolOrBelow,
        @JsonPropertyDescription("专科") int associate,
        @JsonPropertyDescription("本科") int bachelor,
        @JsonPropertyDescription("硕士") int master,
        @JsonPropertyDescription("博士") int doctorate) {

    /** All full-time teachers (专任教师) of the section. */
    public int total() {
        return highSchoolOrBelow + associate + bachelor + master + doctorate;
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.junheng.contracts.Nullable;

/**
 * Teacher counts of one school section: inputs of RA1–RA3, GG9 and GG12. The GG9 and GG12 counts may be left blank
 * (null): those items are then “data missing” for the school, and the rest is evaluated.
 */
@JsonClassDescription("教师情况 (teachers of one school section)")
public record Teachers(
        @JsonPropertyDescription("专任教师 by highest qualification") QualificationCounts fullTimeByQualification,
        @Nullable @JsonPropertyDescription("持教师资格证的专任教师 (GG12); null when not reported") Integer certified,
        @JsonPropertyDescription("县级及以上骨干教师 (RA2)") int countyLevelKey,
        @JsonPropertyDescription("体育专任教师") int physicalEducation,
        @JsonPropertyDescription("音乐专任教师") int music,
        @JsonPropertyDescription("美术专任教师") int fineArt,
        @JsonPropertyDescription("综合艺术专任教师") int integratedArts,
        @JsonPropertyDescription("交流轮岗、兼职、走教的体育艺术教师; RA3 counts them at rural small schools only")
        int rotatingPhysicalEducationAndArts,
        @Nullable @JsonPropertyDescription("5年内完成360学时培训的教师 (GG9); null when not reported")
        Integer completed360TrainingHours) {
}

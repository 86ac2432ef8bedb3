package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The junior cohort graduating in the reporting period: the input of EQ1 (初中三年巩固率). */
@JsonClassDescription("初中三年巩固率数据 (junior retention cohort)")
public record RetentionCohort(
        @JsonPropertyDescription("year the cohort entered grade 7") int entryYear,
        @JsonPropertyDescription("七年级入学人数") int grade7Enrolment,
        @JsonPropertyDescription("毕业人数") int graduates,
        @JsonPropertyDescription("转入人数") int transfersIn,
        @JsonPropertyDescription("转出人数") int transfersOut,
        @JsonPropertyDescription("死亡人数") int deaths) {
}

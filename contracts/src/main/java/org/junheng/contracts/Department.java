package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A member unit of the district's leading group (区教委, 区财政局, 街镇 …), as configured per district. */
@JsonClassDescription("责任单位 (department or other member unit)")
public record Department(
        @JsonPropertyDescription("stable code of the unit within its district") String code,
        @JsonPropertyDescription("Chinese name, e.g. 区财政局") String name) {

    /** The supervision office (教育督导室) as the owner of a task: the attestations (督导认定) it still owes. */
    public static final Department SUPERVISION_OFFICE = new Department("dd", "区政府教育督导室");

    /** The leading group's office (领导小组办公室) as the owner of a task: the veto declarations it still owes. */
    public static final Department LEADING_GROUP_OFFICE = new Department("ldb", "区义务教育优质均衡发展领导小组办公室");
}

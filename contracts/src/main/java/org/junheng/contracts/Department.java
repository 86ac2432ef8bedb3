package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A member unit of the district's leading group (区教委, 区财政局, 街镇 …), as configured per district. */
@JsonClassDescription("责任单位 (department or other member unit)")
public record Department(
        @JsonPropertyDescription("stable code of the unit within its district") String code,
        @JsonPropertyDescription("Chinese name, e.g. 区财政局") String name) {
}

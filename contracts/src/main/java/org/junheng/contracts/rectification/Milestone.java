package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;

/** A dated step of a rectification plan (整改方案). */
@JsonClassDescription("整改节点 (milestone of a rectification plan)")
public record Milestone(
        @JsonPropertyDescription("Chinese description, e.g. 完成音乐教室改造招标") String description,
        LocalDate dueDate) {
}

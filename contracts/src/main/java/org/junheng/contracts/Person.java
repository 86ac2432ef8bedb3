package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A named person who acted in a domain role (督学, 经办人, 审批人). The technical actor is in the junheng_actor header. */
@JsonClassDescription("人员 (person acting in a domain role)")
public record Person(
        @JsonPropertyDescription("user id as in the token's subject") String id,
        @JsonPropertyDescription("display name, e.g. 王敏") String name) {
}

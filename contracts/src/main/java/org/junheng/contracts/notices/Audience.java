package org.junheng.contracts.notices;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;
import org.junheng.contracts.Nullable;

/** The addressee of a notice: a whole group, or one department or school of the district. */
@JsonClassDescription("通报对象 (audience of a notice)")
public record Audience(
        AudienceKind kind,
        @Nullable @JsonPropertyDescription("department code or 学校标识码; null for group audiences") String code) {

    public Audience {
        Objects.requireNonNull(kind, "kind");
        if (kind.needsCode() != (code != null)) {
            throw new IllegalArgumentException(kind + (kind.needsCode() ? " needs a code" : " takes no code"));
        }
    }

    /** {@code <kind>} or {@code <kind>/<code>}, e.g. {@code DEPARTMENT/cz}. */
    public String key() {
        return code == null ? kind.name() : kind.name() + "/" + code;
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.SchoolType;

/**
 * The identity data of a school beyond its code: everything that changes how its indicators are measured. A school is
 * registered with its name and type; location class, ownership and year built may follow (until then the items that
 * depend on them are not evaluable for it where they would decide the result).
 */
@JsonClassDescription("学校基本信息 (school profile)")
public record SchoolProfile(
        @JsonPropertyDescription("学校名称, e.g. 重庆市大渡口区实验小学") String name,
        SchoolType type,
        @Nullable @JsonPropertyDescription("城乡分类; may follow the registration") LocationClass locationClass,
        @Nullable @JsonPropertyDescription("办学性质; may follow the registration") Ownership ownership,
        @JsonPropertyDescription("寄宿制学校: boarding schools are outside GG13") boolean boarding,
        @Nullable @JsonPropertyDescription("建校年份: relaxed GG3/GG4 floors apply to older schools; may follow the "
                + "registration") Integer yearBuilt,
        List<SchoolFlag> flags) {

    public SchoolProfile {
        flags = List.copyOf(flags);
    }
}

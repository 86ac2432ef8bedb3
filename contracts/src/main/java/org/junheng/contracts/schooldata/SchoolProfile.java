package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.SchoolType;

/** The identity data of a school beyond its code: everything that changes how its indicators are measured. */
@JsonClassDescription("学校基本信息 (school profile)")
public record SchoolProfile(
        @JsonPropertyDescription("学校名称, e.g. 重庆市大渡口区实验小学") String name,
        SchoolType type,
        LocationClass locationClass,
        Ownership ownership,
        @JsonPropertyDescription("寄宿制学校: boarding schools are outside GG13") boolean boarding,
        @JsonPropertyDescription("建校年份: relaxed GG3/GG4 floors apply to older schools") int yearBuilt,
        List<SchoolFlag> flags) {

    public SchoolProfile {
        flags = List.copyOf(flags);
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.PublishedEvent;

/** The school register (学校名录) of a district; one stream per school, keyed {@code <district>/<school code>}. */
public sealed interface SchoolEvent extends PublishedEvent {

    /** 学校标识码, 10 digits. */
    String schoolCode();

    @Override
    default String messageKey() {
        return districtCode() + "/" + schoolCode();
    }

    @JsonClassDescription("学校登记: a school joins the district's register")
    record SchoolRegistered(String districtCode, String schoolCode, SchoolProfile profile) implements SchoolEvent {
    }

    /** Carries the whole new profile, so consumers replace rather than merge. */
    @JsonClassDescription("学校信息变更: the school's profile changed; carries the whole new profile")
    record SchoolProfileChanged(String districtCode, String schoolCode, SchoolProfile profile, @Nullable String reason)
            implements SchoolEvent {
    }

    @JsonClassDescription("学校撤销: the school closed; it is evaluated no more from the period after closedOn")
    record SchoolClosed(String districtCode, String schoolCode, String schoolName, LocalDate closedOn, String reason)
            implements SchoolEvent {
    }

    /** Open findings of the merged school are re-examined against the receiving school. */
    @JsonClassDescription("学校合并: the school was merged into another school of the district")
    record SchoolMerged(
            String districtCode,
            String schoolCode,
            String schoolName,
            @JsonPropertyDescription("学校标识码 of the receiving school") String intoSchoolCode,
            String intoSchoolName,
            LocalDate mergedOn) implements SchoolEvent {
    }
}

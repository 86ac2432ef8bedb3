package org.junheng.contracts.rectification;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;

/**
 * The member units answerable for the campaign (责任单位): who leads each (责任领导, who signed its 责任状) and the
 * 约谈 and 问责 of a unit as a whole, apart from any one task. One stream per district, keyed by the district.
 */
public sealed interface UnitEvent extends PublishedEvent {

    @Override
    default String messageKey() {
        return districtCode();
    }

    Department department();

    @JsonClassDescription("责任领导: who answers for a unit's part of the campaign and signed its 责任状; named again "
            + "when the post changes hands")
    record ResponsibleLeaderNamed(
            String districtCode,
            Department department,
            @JsonPropertyDescription("the leader's name, e.g. 李明") String leader,
            @JsonPropertyDescription("the post, e.g. 区财政局局长") String post,
            @JsonPropertyDescription("the day the 责任状 was signed") LocalDate pledgeSignedOn,
            @Nullable @JsonPropertyDescription("文号 of the 责任状, if any") String pledgeDocument,
            @JsonPropertyDescription("who recorded it") Person recordedBy) implements UnitEvent {
    }

    @JsonClassDescription("单位约谈问责: a unit's head was summoned to account (约谈) or the unit held accountable (问责) "
            + "for its part of the campaign as a whole")
    record UnitAccountabilityRecorded(
            String districtCode,
            Department department,
            Accountability kind,
            @JsonPropertyDescription("who was summoned or held accountable, with the post, e.g. 李明（区财政局局长）")
            String person,
            @JsonPropertyDescription("the day of the interview or decision") LocalDate date,
            @JsonPropertyDescription("why, Chinese text") String reason,
            @Nullable @JsonPropertyDescription("what came of it (表态、整改承诺、处理决定), Chinese text") String outcome,
            @JsonPropertyDescription("who recorded it") Person recordedBy) implements UnitEvent {
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Subject;
import org.junheng.contracts.SubjectLevel;

/**
 * Judgments on items measured by evidence rather than numbers (GG1, GG2, GG10, GG15-CARE, EQ3, EQ5–EQ8, EQ10), and
 * declarations that a zero-base item (GG7, GG11, GG15, EQ2) does not apply; one stream per district,
 * period, indicator and subject. The latest attestation of a stream is the one in force.
 */
public sealed interface AttestationEvent extends PublishedEvent {

    int period();

    IndicatorCode indicator();

    Subject subject();

    /** Keyed like the school's own data when about a school, so both arrive in order. */
    @Override
    default String messageKey() {
        return districtCode() + "/" + (subject().level() == SubjectLevel.COUNTY ? "county" : subject().schoolCode());
    }

    @JsonClassDescription("督导认定: a supervisor's judgment on an attested indicator, with its evidence")
    record AttestationRecorded(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            IndicatorCode indicator,
            Subject subject,
            AttestationVerdict verdict,
            @Nullable @JsonPropertyDescription("only for graded items such as EQ6") AttestationGrade grade,
            List<EvidenceReference> evidence,
            @JsonPropertyDescription("督学 who made the judgment") Person supervisor,
            @JsonPropertyDescription("date of the inspection or review") LocalDate assessedOn,
            @Nullable @JsonPropertyDescription("督导意见") String remarks) implements AttestationEvent {

        public AttestationRecorded {
            evidence = List.copyOf(evidence);
        }
    }
}

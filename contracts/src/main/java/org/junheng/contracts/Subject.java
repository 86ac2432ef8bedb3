package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * What a finding or attestation is about: the county, a school, or one section of a school. The school name travels
 * along so that notices and ledgers need no lookup; {@link #key()} leaves it out, because names change and identity
 * must not.
 */
@JsonClassDescription("评估对象 (subject): the county, a school, or a school section")
public record Subject(
        SubjectLevel level,
        @Nullable @JsonPropertyDescription("学校标识码, 10 digits; null for the county") String schoolCode,
        @Nullable @JsonPropertyDescription("学校名称 at the time of the event; null for the county") String schoolName,
        @Nullable @JsonPropertyDescription("null unless level is SCHOOL_SECTION") Section section) {

    public Subject {
        Objects.requireNonNull(level, "level");
        boolean school = level != SubjectLevel.COUNTY;
        if (school != (schoolCode != null)) {
            throw new IllegalArgumentException("a school code belongs to school subjects only: " + level);
        }
        if ((level == SubjectLevel.SCHOOL_SECTION) != (section != null)) {
            throw new IllegalArgumentException("a section belongs to school-section subjects only: " + level);
        }
    }

    public static Subject county() {
        return new Subject(SubjectLevel.COUNTY, null, null, null);
    }

    public static Subject school(String schoolCode, String schoolName) {
        return new Subject(SubjectLevel.SCHOOL, schoolCode, schoolName, null);
    }

    public static Subject schoolSection(String schoolCode, String schoolName, Section section) {
        return new Subject(SubjectLevel.SCHOOL_SECTION, schoolCode, schoolName, section);
    }

    /** Stable identity: {@code county}, {@code <school code>} or {@code <school code>/<section>}. */
    public String key() {
        return switch (level) {
            case COUNTY -> "county";
            case SCHOOL -> schoolCode;
            case SCHOOL_SECTION -> schoolCode + "/" + section.name();
        };
    }
}

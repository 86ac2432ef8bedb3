package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.Objects;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;

/**
 * A what-if change to the inputs of an evaluation (整改模拟). Amounts are added to what was reported (negative to
 * remove); each count changes alone (a newly hired key teacher with a bachelor's degree is two changes: +1
 * {@link TeacherCount#BACHELOR} and +1 {@link TeacherCount#COUNTY_LEVEL_KEY}).
 */
public sealed interface HypotheticalChange {

    /** Facility quantities of the intake form. */
    enum FacilityQuantity {
        TEACHING_AND_AUXILIARY_AREA, INDOOR_SPORTS_AREA, GYMNASIUM_AREA, SPORTS_GROUND_AREA,
        LEASED_OR_CONVERTED_SPORTS_AREA, EQUIPMENT_BOOK_VALUE, MULTIMEDIA_CLASSROOMS
    }

    /** Teacher counts of a section. Qualifications add full-time teachers; the others are counts among them. */
    enum TeacherCount {
        HIGH_SCHOOL_OR_BELOW, ASSOCIATE, BACHELOR, MASTER, DOCTORATE, CERTIFIED, COUNTY_LEVEL_KEY,
        PHYSICAL_EDUCATION, MUSIC, FINE_ART, INTEGRATED_ARTS, ROTATING_PE_AND_ARTS, COMPLETED_360_HOURS
    }

    enum RoomKind { MUSIC, ART }

    enum FundKind { OPERATING_FUND_BUDGET, TEACHER_TRAINING_BUDGET }

    /**
     * Adds to a facility quantity. When the school reports whole-school facilities the addition goes there and is
     * apportioned like the rest (a new sports ground serves every section), whatever section is named; when it reports
     * per section, the section is required unless the school has only one.
     */
    record AddFacility(String schoolCode, @Nullable Section section, FacilityQuantity quantity, BigDecimal amount)
            implements HypotheticalChange {
        public AddFacility {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A new music or art room of the given floor area (GG3); placed like {@link AddFacility}. */
    record AddRoom(String schoolCode, @Nullable Section section, RoomKind room, BigDecimal area)
            implements HypotheticalChange {
        public AddRoom {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(area, "area");
        }
    }

    record AddTeachers(String schoolCode, Section section, TeacherCount count, int number)
            implements HypotheticalChange {
        public AddTeachers {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(count, "count");
        }
    }

    /** Changes the pupils of a section (e.g. a new school relieving a crowded one); nothing else moves with them. */
    record ChangePupils(String schoolCode, Section section, int delta) implements HypotheticalChange {
        public ChangePupils {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(section, "section");
        }
    }

    /** Sets the largest class of a section (GG5); the class-size list is dropped, as it would contradict it. */
    record SetLargestClassSize(String schoolCode, Section section, int size) implements HypotheticalChange {
        public SetLargestClassSize {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(section, "section");
        }
    }

    record AddFunds(String schoolCode, FundKind fund, BigDecimal yuan) implements HypotheticalChange {
        public AddFunds {
            Objects.requireNonNull(schoolCode, "schoolCode");
            Objects.requireNonNull(fund, "fund");
            Objects.requireNonNull(yuan, "yuan");
        }
    }

    /** Sets one value of a county figure set (replacing the value with the same key and qualifier). */
    record SetCountyFigure(CountyFigureSetKind kind, String key, @Nullable String qualifier, BigDecimal value)
            implements HypotheticalChange {
        public SetCountyFigure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!kind.valueKeys().contains(key)) {
                throw new IllegalArgumentException(key + " is not a value key of " + kind);
            }
        }
    }

    /** A hypothetical attestation that takes precedence over the one in force. */
    record Attest(IndicatorCode indicator, Subject subject, AttestationVerdict verdict,
                  @Nullable AttestationGrade grade) implements HypotheticalChange {
        public Attest {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}

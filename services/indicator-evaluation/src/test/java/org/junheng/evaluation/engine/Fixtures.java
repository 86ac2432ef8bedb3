package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.Person;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;

/**
 * Synthetic schools and counties that meet every item of CN-2017 by default; tests change one thing at a time.
 * Sections have 1000 pupils, so per-100 values are the counts ÷ 10 and every threshold is reachable exactly.
 */
final class Fixtures {

    static final String DISTRICT = "500199";
    static final int PERIOD = 2024;

    private Fixtures() {
    }

    /** Facility quantities (mutable for tests). */
    static final class FacilitySpec {
        BigDecimal teaching = new BigDecimal("6000");
        BigDecimal indoor = BigDecimal.ZERO;
        BigDecimal gym = BigDecimal.ZERO;
        BigDecimal ground = new BigDecimal("9000");
        BigDecimal leased = null;
        BigDecimal equipment = new BigDecimal("3000000");
        int multimedia = 30;
        List<BigDecimal> music = new ArrayList<>(List.of(new BigDecimal("100"), new BigDecimal("100")));
        List<BigDecimal> art = new ArrayList<>(List.of(new BigDecimal("95"), new BigDecimal("95")));

        Facilities build() {
            return new Facilities(teaching, indoor, gym, ground, leased, equipment, multimedia, music, art);
        }
    }

    static final class SectionSpec {
        final Section section;
        int pupils = 1000;
        int classes = 24;
        int largest = 43;
        List<Integer> classSizes = List.of();
        int migrant = 100;
        Integer catchment = 1000;
        int associate = 0;
        int bachelor;
        Integer certified;
        int key = 15;
        int pe = 6;
        int music = 3;
        int art = 3;
        int integratedArts = 0;
        int rotating = 0;
        Integer trained;
        FacilitySpec facilities;

        SectionSpec(Section section) {
            this.section = section;
            this.bachelor = section == Section.P ? 60 : 70;
            this.certified = bachelor;
            this.trained = bachelor;
            if (section == Section.J) {
                classes = 22;
                largest = 48;
            }
        }

        SectionStatistics build() {
            Teachers teachers = new Teachers(new QualificationCounts(0, associate, bachelor, 0, 0), certified, key,
                    pe, music, art, integratedArts, rotating, trained);
            return new SectionStatistics(section, pupils, classes, largest, classSizes, migrant, catchment, teachers,
                    facilities == null ? null : facilities.build());
        }
    }

    static final class SchoolSpec {
        final String code;
        String name;
        SchoolType type;
        LocationClass location = LocationClass.URBAN;
        Ownership ownership = Ownership.PUBLIC;
        boolean boarding = false;
        Integer yearBuilt = 2018;
        List<SchoolFlag> flags = new ArrayList<>();
        final List<SectionSpec> sections = new ArrayList<>();
        FacilitySpec whole;
        int seniorPupils = 0;
        BigDecimal operating = new BigDecimal("1000000");
        BigDecimal training = new BigDecimal("60000");
        Integer fundedPupils = null;
        RetentionCohort cohort;

        SchoolSpec(String code, SchoolType type) {
            this.code = code;
            this.name = "测试学校" + code.substring(code.length() - 3);
            this.type = type;
        }

        SectionSpec section(Section section) {
            return sections.stream().filter(s -> s.section == section).findFirst().orElseThrow();
        }

        SchoolInput build() {
            SchoolProfile profile = new SchoolProfile(name, type, location, ownership, boarding, yearBuilt, flags);
            SchoolStatistics statistics = new SchoolStatistics(sections.stream().map(SectionSpec::build).toList(),
                    seniorPupils, whole == null ? null : whole.build(), new Funds(operating, training, fundedPupils),
                    cohort);
            return new SchoolInput(code, profile, statistics);
        }
    }

    /** A compliant primary school of 1000 pupils with its own facilities. */
    static SchoolSpec primary(String code) {
        SchoolSpec school = new SchoolSpec(code, SchoolType.PRIMARY);
        SectionSpec p = new SectionSpec(Section.P);
        p.facilities = new FacilitySpec();
        school.sections.add(p);
        return school;
    }

    /** A compliant junior school of 1000 pupils with its own facilities and a retention cohort. */
    static SchoolSpec junior(String code) {
        SchoolSpec school = new SchoolSpec(code, SchoolType.JUNIOR);
        SectionSpec j = new SectionSpec(Section.J);
        j.facilities = new FacilitySpec();
        j.facilities.teaching = new BigDecimal("7000");
        j.facilities.ground = new BigDecimal("12000");
        school.sections.add(j);
        school.cohort = new RetentionCohort(PERIOD - 3, 340, 335, 2, 3, 0);
        return school;
    }

    static List<CountyFiguresSubmitted> compliantFigures() {
        List<CountyFiguresSubmitted> sets = new ArrayList<>();
        sets.add(figures(CountyFigureSetKind.PERFORMANCE_PAY, v("performancePayFullyApproved", 1)));
        sets.add(figures(CountyFigureSetKind.TEACHER_PAY, v("teacherAveragePay", 120000),
                v("civilServantAveragePay", 110000)));
        sets.add(figures(CountyFigureSetKind.TEACHER_ROTATION, v("eligibleTeachers", 1000), v("rotatedTeachers", 120),
                v("rotatedKeyTeachers", 30)));
        sets.add(figures(CountyFigureSetKind.SENIOR_HIGH_QUOTA, v("intakePlan", 1000), v("allocatedPlaces", 550),
                v("allocatedToRuralJuniorSchools", 200)));
        sets.add(figures(CountyFigureSetKind.MIGRANT_CHILDREN_PLACEMENT, v("eligibleMigrantChildren", 1000),
                v("publicSchoolPlaces", 800), v("purchasedPrivatePlaces", 100)));
        sets.add(figures(CountyFigureSetKind.DISABLED_CHILDREN_ENROLMENT, v("schoolAgeDisabledChildren", 100),
                v("mainstreamEnrolled", 60), v("specialSchoolEnrolled", 30), v("homeDelivered", 8)));
        sets.add(figures(CountyFigureSetKind.SPECIAL_EDUCATION_FUNDING, v("specialEducationPupils", 100),
                v("specialEducationOperatingFunds", 700000)));
        sets.add(figures(CountyFigureSetKind.NATIONAL_QUALITY_MONITORING,
                new FigureValue("level", "数学", new BigDecimal("4")),
                new FigureValue("differenceRate", "数学", new BigDecimal("0.10")),
                new FigureValue("level", "语文", new BigDecimal("3")),
                new FigureValue("differenceRate", "语文", new BigDecimal("0.12"))));
        sets.add(figures(CountyFigureSetKind.SATISFACTION_SURVEY, v("satisfaction", new BigDecimal("0.92"))));
        sets.add(figures(CountyFigureSetKind.VETO_DECLARATION, v("V1", 0), v("V2", 0), v("V3", 0), v("V4", 0),
                v("V5", 0), v("V6", 0)));
        return sets;
    }

    static CountyFiguresSubmitted figures(CountyFigureSetKind kind, FigureValue... values) {
        return new CountyFiguresSubmitted(DISTRICT, PERIOD, kind, new Department("test", "区教委"), List.of(values));
    }

    static FigureValue v(String key, long value) {
        return new FigureValue(key, null, BigDecimal.valueOf(value));
    }

    static FigureValue v(String key, BigDecimal value) {
        return new FigureValue(key, null, value);
    }

    static List<AttestationRecorded> compliantAttestations() {
        List<AttestationRecorded> attestations = new ArrayList<>();
        for (IndicatorCode code : List.of(IndicatorCode.GG1, IndicatorCode.GG2, IndicatorCode.GG10,
                IndicatorCode.GG15_CARE, IndicatorCode.EQ3, IndicatorCode.EQ5, IndicatorCode.EQ7, IndicatorCode.EQ8,
                IndicatorCode.EQ10)) {
            attestations.add(attestation(code, Subject.county(), AttestationVerdict.MET, null,
                    LocalDate.of(2024, 11, 1)));
        }
        attestations.add(attestation(IndicatorCode.EQ6, Subject.county(), AttestationVerdict.MET,
                AttestationGrade.GOOD, LocalDate.of(2024, 11, 1)));
        return attestations;
    }

    static AttestationRecorded attestation(IndicatorCode code, Subject subject, AttestationVerdict verdict,
                                           AttestationGrade grade, LocalDate on) {
        return new AttestationRecorded(DISTRICT, PERIOD, code, subject, verdict, grade, List.of(),
                new Person("u1", "王敏"), on, verdict == AttestationVerdict.MET ? null : "章程未按要求修订");
    }

    /** A compliant county: two primary schools and one junior school, every figure and attestation in order. */
    static DistrictInputs compliantDistrict(SchoolSpec... extra) {
        List<SchoolInput> schools = new ArrayList<>();
        schools.add(primary("5001990001").build());
        schools.add(primary("5001990002").build());
        schools.add(junior("5001990003").build());
        for (SchoolSpec spec : extra) {
            schools.add(spec.build());
        }
        return new DistrictInputs(DISTRICT, PERIOD, schools, compliantFigures(), compliantAttestations(), 2016,
                highEveryYear());
    }

    /** The yearly 基本均衡 monitoring at a high level in every year a test may need. */
    static java.util.Map<Integer, Boolean> highEveryYear() {
        java.util.Map<Integer, Boolean> years = new java.util.HashMap<>();
        for (int year = 2000; year <= 2030; year++) {
            years.put(year, true);
        }
        return years;
    }

    /** A district of just the given schools, with compliant county figures and attestations. */
    static DistrictInputs district(SchoolSpec... schools) {
        List<SchoolInput> inputs = new ArrayList<>();
        for (SchoolSpec spec : schools) {
            inputs.add(spec.build());
        }
        return new DistrictInputs(DISTRICT, PERIOD, inputs, compliantFigures(), compliantAttestations(), 2016,
                highEveryYear());
    }
}

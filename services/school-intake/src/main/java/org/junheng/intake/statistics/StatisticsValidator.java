package org.junheng.intake.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.eventsourcing.decider.Violation;

/**
 * Catches what real intake forms get wrong before anything is stored: impossible counts (more certified teachers
 * than teachers), sections that do not fit the school type, and magnitudes that betray a unit slip (万 m² for m²,
 * 万元 for 元). Impossible values are errors; implausible ones are warnings the submitter must confirm.
 */
public final class StatisticsValidator {

    /** Below this, teaching floor area per pupil was almost certainly entered in 万 m² (the standard asks 4.5+). */
    static final BigDecimal MIN_PLAUSIBLE_AREA_PER_PUPIL = new BigDecimal("0.5");
    /** Above this per pupil, an area is almost certainly a typo (an extra digit or two). */
    static final BigDecimal MAX_PLAUSIBLE_AREA_PER_PUPIL = new BigDecimal("200");
    /** Below this per pupil, an equipment value was almost certainly entered in 万元 (the standard asks 2000+). */
    static final BigDecimal MIN_PLAUSIBLE_EQUIPMENT_PER_PUPIL = new BigDecimal("50");
    static final BigDecimal MAX_PLAUSIBLE_ROOM_AREA = new BigDecimal("1000");
    static final int MAX_CLASS_SIZE = 120;
    static final int MAX_PUPILS_PER_SECTION = 20_000;

    private StatisticsValidator() {
    }

    public static List<Violation> validate(SchoolProfile profile, SchoolStatistics statistics) {
        List<Violation> violations = new ArrayList<>();
        if (statistics.sections() == null || statistics.sections().isEmpty()) {
            violations.add(Violation.error("sections", null, "至少填报一个学段 (at least one section is required)"));
            return violations;
        }
        checkSectionsFitType(profile.type(), statistics.sections(), violations);
        int totalPupils = 0;
        for (SectionStatistics section : statistics.sections()) {
            if (section.section() == null) {
                continue;
            }
            String at = "sections[" + section.section().name() + "]";
            checkSection(at, section, violations);
            totalPupils += Math.max(section.pupils(), 0);
        }
        checkFacilities(profile, statistics, violations);
        checkSeniorPupils(profile.type(), statistics.seniorPupils(), violations);
        checkFunds(statistics.funds(), violations);
        checkRetention(statistics, violations);
        if (totalPupils > 0) {
            checkMagnitudes(statistics, totalPupils + Math.max(statistics.seniorPupils(), 0), violations);
        }
        return violations;
    }

    private static void checkSectionsFitType(SchoolType type, List<SectionStatistics> sections, List<Violation> out) {
        Set<Section> seen = new HashSet<>();
        boolean misfit = false;
        for (SectionStatistics section : sections) {
            if (section.section() == null) {
                out.add(Violation.error("sections[].section", null, "学段必填 (section is required)"));
            } else if (!seen.add(section.section())) {
                out.add(Violation.error("sections[" + section.section().name() + "]", section.section().label(),
                        "学段重复 (section reported twice)"));
            } else if (!type.sections().contains(section.section())) {
                misfit = true;
                out.add(Violation.error("sections[" + section.section().name() + "]", section.section().label(),
                        "学校类型" + type.label() + "没有" + section.section().label() + "学段 (section does not fit the school type)"));
            }
        }
        if (misfit) {
            // a section reported under the wrong school type is one mistake, not also a missing section
            return;
        }
        Set<Section> missing = EnumSet.noneOf(Section.class);
        missing.addAll(type.sections());
        missing.removeAll(seen);
        for (Section section : missing) {
            out.add(Violation.error("sections[" + section.name() + "]", null,
                    type.label() + "须填报" + section.label() + "学段 (section missing for the school type)"));
        }
    }

    private static void checkSection(String at, SectionStatistics s, List<Violation> out) {
        nonNegative(at + ".pupils", s.pupils(), out);
        nonNegative(at + ".classes", s.classes(), out);
        nonNegative(at + ".largestClassSize", s.largestClassSize(), out);
        nonNegative(at + ".migrantPupils", s.migrantPupils(), out);
        if (s.inCatchmentPupils() != null) {
            nonNegative(at + ".inCatchmentPupils", s.inCatchmentPupils(), out);
        }
        if (s.pupils() == 0) {
            out.add(Violation.error(at + ".pupils", 0, "在校生数须大于0 (a reported section needs pupils)"));
        } else if (s.pupils() > MAX_PUPILS_PER_SECTION) {
            out.add(Violation.error(at + ".pupils", s.pupils(), "在校生数不合理 (implausibly many pupils)"));
        }
        if (s.pupils() > 0 && s.classes() == 0) {
            out.add(Violation.error(at + ".classes", 0, "有在校生则班级数须大于0 (pupils need classes)"));
        }
        if (s.largestClassSize() > MAX_CLASS_SIZE) {
            out.add(Violation.error(at + ".largestClassSize", s.largestClassSize(), "最大班额不合理 (implausible class size)"));
        }
        if (s.classes() > 0 && s.pupils() > 0 && (long) s.largestClassSize() * s.classes() < s.pupils()) {
            out.add(Violation.error(at + ".largestClassSize", s.largestClassSize(),
                    "最大班额小于平均班额 (largest class is smaller than the average class)"));
        }
        if (s.largestClassSize() > s.pupils() && s.pupils() > 0) {
            out.add(Violation.error(at + ".largestClassSize", s.largestClassSize(),
                    "最大班额大于在校生数 (largest class exceeds the pupils)"));
        }
        if (s.migrantPupils() > s.pupils()) {
            out.add(Violation.error(at + ".migrantPupils", s.migrantPupils(),
                    "随迁子女数大于在校生数 (more migrant pupils than pupils)"));
        }
        if (s.inCatchmentPupils() != null && s.inCatchmentPupils() > s.pupils()) {
            out.add(Violation.error(at + ".inCatchmentPupils", s.inCatchmentPupils(),
                    "划片入学学生数大于在校生数 (more in-catchment pupils than pupils)"));
        }
        if (s.classSizes() != null && !s.classSizes().isEmpty()) {
            checkClassSizes(at, s, out);
        }
        if (s.teachers() == null) {
            out.add(Violation.error(at + ".teachers", null, "教师情况必填 (teachers are required)"));
        } else {
            checkTeachers(at + ".teachers", s.teachers(), out);
        }
    }

    private static void checkClassSizes(String at, SectionStatistics s, List<Violation> out) {
        if (s.classSizes().size() != s.classes()) {
            out.add(Violation.error(at + ".classSizes", s.classSizes().size(),
                    "班额分布的班数与班级数不符 (class-size list does not match the number of classes)"));
        }
        int sum = s.classSizes().stream().mapToInt(Integer::intValue).sum();
        if (sum != s.pupils()) {
            out.add(Violation.error(at + ".classSizes", sum, "班额分布合计与在校生数不符 (class sizes do not add up to pupils)"));
        }
        int max = s.classSizes().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max != s.largestClassSize()) {
            out.add(Violation.error(at + ".largestClassSize", s.largestClassSize(),
                    "最大班额与班额分布不符 (largest class differs from the class-size list)"));
        }
    }

    private static void checkTeachers(String at, Teachers t, List<Violation> out) {
        if (t.fullTimeByQualification() == null) {
            out.add(Violation.error(at + ".fullTimeByQualification", null, "专任教师学历分布必填 (required)"));
            return;
        }
        var q = t.fullTimeByQualification();
        String qa = at + ".fullTimeByQualification";
        nonNegative(qa + ".highSchoolOrBelow", q.highSchoolOrBelow(), out);
        nonNegative(qa + ".associate", q.associate(), out);
        nonNegative(qa + ".bachelor", q.bachelor(), out);
        nonNegative(qa + ".master", q.master(), out);
        nonNegative(qa + ".doctorate", q.doctorate(), out);
        int total = q.total();
        if (total == 0) {
            out.add(Violation.error(qa, 0, "专任教师数须大于0 (a section needs full-time teachers)"));
        }
        notMoreThanTeachers(at + ".certified", t.certified(), total, "持证教师", out);
        notMoreThanTeachers(at + ".countyLevelKey", t.countyLevelKey(), total, "骨干教师", out);
        notMoreThanTeachers(at + ".completed360TrainingHours", t.completed360TrainingHours(), total, "完成培训教师", out);
        nonNegative(at + ".physicalEducation", t.physicalEducation(), out);
        nonNegative(at + ".music", t.music(), out);
        nonNegative(at + ".fineArt", t.fineArt(), out);
        nonNegative(at + ".integratedArts", t.integratedArts(), out);
        nonNegative(at + ".rotatingPhysicalEducationAndArts", t.rotatingPhysicalEducationAndArts(), out);
        int peAndArts = t.physicalEducation() + t.music() + t.fineArt() + t.integratedArts();
        if (peAndArts > total) {
            out.add(Violation.error(at + ".physicalEducation", peAndArts,
                    "体育艺术教师合计多于专任教师 (more PE and arts teachers than full-time teachers)"));
        }
    }

    /** A count of teachers within the full-time teachers; a count left blank (null) is not reported, not wrong. */
    private static void notMoreThanTeachers(String field, Integer value, int total, String what, List<Violation> out) {
        if (value == null) {
            return;
        }
        if (value < 0) {
            nonNegative(field, value, out);
        } else if (value > total) {
            out.add(Violation.error(field, value, what + "多于专任教师 (more than the full-time teachers, " + total + ")"));
        }
    }

    private static void checkFacilities(SchoolProfile profile, SchoolStatistics statistics, List<Violation> out) {
        long split = statistics.sections().stream().filter(s -> s.facilities() != null).count();
        Facilities whole = statistics.wholeSchoolFacilities();
        if (whole != null && split > 0) {
            out.add(Violation.error("wholeSchoolFacilities", null,
                    "办学条件须全校填报或分学段填报，不可兼有 (facilities are either whole-school or per section, not both)"));
        } else if (whole == null && split != statistics.sections().size()) {
            out.add(Violation.error("wholeSchoolFacilities", null,
                    "办学条件缺失：须全校填报或每个学段分别填报 (facilities missing: whole-school or for every section)"));
        }
        if (whole != null) {
            checkFacilityValues("wholeSchoolFacilities", whole, out);
        }
        for (SectionStatistics section : statistics.sections()) {
            if (section.facilities() != null && section.section() != null) {
                checkFacilityValues("sections[" + section.section().name() + "].facilities", section.facilities(), out);
            }
        }
    }

    private static void checkFacilityValues(String at, Facilities f, List<Violation> out) {
        area(at + ".teachingAndAuxiliaryArea", f.teachingAndAuxiliaryArea(), true, out);
        area(at + ".indoorSportsArea", f.indoorSportsArea(), true, out);
        area(at + ".gymnasiumArea", f.gymnasiumArea(), true, out);
        area(at + ".sportsGroundArea", f.sportsGroundArea(), true, out);
        area(at + ".leasedOrConvertedSportsArea", f.leasedOrConvertedSportsArea(), false, out);
        area(at + ".equipmentBookValue", f.equipmentBookValue(), true, out);
        nonNegative(at + ".multimediaClassrooms", f.multimediaClassrooms(), out);
        if (f.teachingAndAuxiliaryArea() != null && f.indoorSportsArea() != null
                && f.indoorSportsArea().compareTo(f.teachingAndAuxiliaryArea()) > 0) {
            out.add(Violation.error(at + ".indoorSportsArea", f.indoorSportsArea(),
                    "室内体育用房面积大于教学及辅助用房面积 (indoor sports area exceeds the teaching area it is part of)"));
        }
        rooms(at + ".musicRoomAreas", f.musicRoomAreas(), out);
        rooms(at + ".artRoomAreas", f.artRoomAreas(), out);
    }

    private static void rooms(String field, List<BigDecimal> areas, List<Violation> out) {
        if (areas == null) {
            return;
        }
        for (int i = 0; i < areas.size(); i++) {
            BigDecimal area = areas.get(i);
            if (area == null || area.signum() <= 0) {
                out.add(Violation.error(field + "[" + i + "]", area, "专用教室面积须大于0 (room area must be positive)"));
            } else if (area.compareTo(MAX_PLAUSIBLE_ROOM_AREA) > 0) {
                out.add(Violation.warning(field + "[" + i + "]", area, "专用教室面积不合理 (implausible room area, m²?)"));
            }
        }
    }

    private static void checkSeniorPupils(SchoolType type, int seniorPupils, List<Violation> out) {
        if (seniorPupils < 0) {
            nonNegative("seniorPupils", seniorPupils, out);
        } else if (seniorPupils > 0 && !type.hasSeniorSection()) {
            out.add(Violation.error("seniorPupils", seniorPupils,
                    type.label() + "没有高中学段 (the school type has no senior section)"));
        } else if (seniorPupils == 0 && type.hasSeniorSection()) {
            out.add(Violation.warning("seniorPupils", 0,
                    type.label() + "未填高中在校生，设施将全部计入义务教育学段 (no senior pupils: facilities count fully for compulsory sections)"));
        }
    }

    private static void checkFunds(Funds funds, List<Violation> out) {
        if (funds == null) {
            out.add(Violation.error("funds", null, "经费必填 (funds are required)"));
            return;
        }
        // budgets left blank are not reported: EQ4 is then data missing for the school, nothing else is affected
        area("funds.operatingFundBudget", funds.operatingFundBudget(), false, out);
        area("funds.teacherTrainingBudget", funds.teacherTrainingBudget(), false, out);
        if (funds.fundedPupils() != null) {
            nonNegative("funds.fundedPupils", funds.fundedPupils(), out);
        }
        if (funds.operatingFundBudget() != null && funds.teacherTrainingBudget() != null
                && funds.teacherTrainingBudget().compareTo(funds.operatingFundBudget()) > 0) {
            out.add(Violation.error("funds.teacherTrainingBudget", funds.teacherTrainingBudget(),
                    "教师培训经费大于公用经费预算 (training budget exceeds the operating budget it is part of)"));
        }
    }

    private static void checkRetention(SchoolStatistics statistics, List<Violation> out) {
        RetentionCohort cohort = statistics.retentionCohort();
        if (cohort == null) {
            return;
        }
        boolean junior = statistics.sections().stream().anyMatch(s -> s.section() == Section.J);
        if (!junior) {
            out.add(Violation.error("retentionCohort", null, "巩固率数据只属于初中学段 (retention data belongs to junior sections)"));
            return;
        }
        nonNegative("retentionCohort.grade7Enrolment", cohort.grade7Enrolment(), out);
        nonNegative("retentionCohort.graduates", cohort.graduates(), out);
        nonNegative("retentionCohort.transfersIn", cohort.transfersIn(), out);
        nonNegative("retentionCohort.transfersOut", cohort.transfersOut(), out);
        nonNegative("retentionCohort.deaths", cohort.deaths(), out);
        if (cohort.graduates() > cohort.grade7Enrolment() + cohort.transfersIn()) {
            out.add(Violation.error("retentionCohort.graduates", cohort.graduates(),
                    "毕业人数多于入学人数与转入人数之和 (more graduates than entrants plus transfers in)"));
        }
        if (cohort.deaths() > cohort.grade7Enrolment()) {
            out.add(Violation.error("retentionCohort.deaths", cohort.deaths(), "死亡人数不合理 (implausible)"));
        }
    }

    /** Unit slips: a whole school's area or equipment value per pupil far outside anything real. */
    private static void checkMagnitudes(SchoolStatistics statistics, int pupils, List<Violation> out) {
        BigDecimal people = BigDecimal.valueOf(pupils);
        List<Facilities> all = new ArrayList<>();
        String at;
        if (statistics.wholeSchoolFacilities() != null) {
            all.add(statistics.wholeSchoolFacilities());
            at = "wholeSchoolFacilities";
        } else {
            statistics.sections().stream().map(SectionStatistics::facilities).filter(f -> f != null).forEach(all::add);
            at = all.size() == 1 && statistics.sections().get(0).section() != null
                    ? "sections[" + statistics.sections().get(0).section().name() + "].facilities" : null;
        }
        if (all.isEmpty()) {
            return;
        }
        BigDecimal teaching = sum(all, Facilities::teachingAndAuxiliaryArea);
        BigDecimal equipment = sum(all, Facilities::equipmentBookValue);
        String field = at == null ? "sections[].facilities" : at;
        if (teaching != null) {
            BigDecimal perPupil = teaching.divide(people, 4, RoundingMode.HALF_UP);
            if (perPupil.compareTo(MIN_PLAUSIBLE_AREA_PER_PUPIL) < 0) {
                out.add(Violation.warning(field + ".teachingAndAuxiliaryArea", teaching,
                        "生均教学用房仅" + perPupil.stripTrailingZeros().toPlainString()
                                + " m²，疑似以万平方米填报，请以平方米填写 (looks like 万 m²; enter m²)"));
            } else if (perPupil.compareTo(MAX_PLAUSIBLE_AREA_PER_PUPIL) > 0) {
                out.add(Violation.warning(field + ".teachingAndAuxiliaryArea", teaching,
                        "生均教学用房面积不合理 (implausibly large area per pupil)"));
            }
        }
        if (equipment != null && equipment.signum() > 0) {
            BigDecimal perPupil = equipment.divide(people, 2, RoundingMode.HALF_UP);
            if (perPupil.compareTo(MIN_PLAUSIBLE_EQUIPMENT_PER_PUPIL) < 0) {
                out.add(Violation.warning(field + ".equipmentBookValue", equipment,
                        "生均教学仪器设备值仅" + perPupil.toPlainString()
                                + " 元，疑似以万元填报，请以元填写 (looks like 万元; enter 元)"));
            }
        }
    }

    private static BigDecimal sum(List<Facilities> all, java.util.function.Function<Facilities, BigDecimal> value) {
        BigDecimal total = BigDecimal.ZERO;
        for (Facilities f : all) {
            BigDecimal v = value.apply(f);
            if (v == null) {
                return null;
            }
            total = total.add(v);
        }
        return total;
    }

    private static void area(String field, BigDecimal value, boolean required, List<Violation> out) {
        if (value == null) {
            if (required) {
                out.add(Violation.error(field, null, "必填 (required)"));
            }
        } else if (value.signum() < 0) {
            out.add(Violation.error(field, value, "不能为负数 (must not be negative)"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            out.add(Violation.error(field, value, "最多两位小数 (at most 2 decimals)"));
        }
    }

    private static void nonNegative(String field, int value, List<Violation> out) {
        if (value < 0) {
            out.add(Violation.error(field, value, "不能为负数 (must not be negative)"));
        }
    }
}

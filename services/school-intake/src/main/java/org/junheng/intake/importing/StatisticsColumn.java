package org.junheng.intake.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junheng.eventsourcing.decider.Violation;

/**
 * The columns of the yearly statistics import (XLSX and CSV), in template order: one row per school section (学段).
 * Headers are Chinese with units; {@code path} is the field path of {@link org.junheng.intake.statistics.Violation}
 * relative to where the column lands:
 * <ul>
 *   <li>{@link Scope#IDENTITY}: identifies the row;</li>
 *   <li>{@link Scope#SECTION}: {@code sections[<P|J>].<path>};</li>
 *   <li>{@link Scope#FACILITIES}: {@code sections[<P|J>].facilities.<path>} when every section row of the school carries
 *   facilities (already split), or {@code wholeSchoolFacilities.<path>} when only the school's first row does (to be
 *   apportioned by weighted pupils). A school with a single row (both cases at once) has whole-school facilities when
 *   it reports {@link #SENIOR_PUPILS} (完全中学: shared with the senior section), else the section's own;</li>
 *   <li>{@link Scope#SCHOOL}: {@code <path>}, filled on the school's first row; later rows of the same school leave it
 *   blank or repeat the same value;</li>
 *   <li>{@link Scope#RETENTION}: {@code retentionCohort.<path>}, on the 初中 row only.</li>
 * </ul>
 */
public enum StatisticsColumn {
    SCHOOL_CODE("学校标识码", Scope.IDENTITY, "schoolCode", Kind.CODE, Blank.REFUSED),
    SCHOOL_NAME("学校名称", Scope.IDENTITY, "schoolName", Kind.TEXT, Blank.ALLOWED),
    SECTION("学段（小学/初中）", Scope.IDENTITY, "section", Kind.SECTION, Blank.REFUSED),

    PUPILS("在校生数（人）", Scope.SECTION, "pupils", Kind.COUNT, Blank.REFUSED),
    CLASSES("班级数（个）", Scope.SECTION, "classes", Kind.COUNT, Blank.REFUSED),
    LARGEST_CLASS_SIZE("最大班额（人）", Scope.SECTION, "largestClassSize", Kind.COUNT, Blank.REFUSED),
    MIGRANT_PUPILS("随迁子女数（人）", Scope.SECTION, "migrantPupils", Kind.COUNT, Blank.REFUSED),
    IN_CATCHMENT_PUPILS("划片就近入学学生数（人）", Scope.SECTION, "inCatchmentPupils", Kind.COUNT, Blank.NOT_REPORTED),
    TEACHERS_HIGH_SCHOOL_OR_BELOW("专任教师-高中及以下（人）", Scope.SECTION, "teachers.fullTimeByQualification.highSchoolOrBelow", Kind.COUNT, Blank.REFUSED),
    TEACHERS_ASSOCIATE("专任教师-专科（人）", Scope.SECTION, "teachers.fullTimeByQualification.associate", Kind.COUNT, Blank.REFUSED),
    TEACHERS_BACHELOR("专任教师-本科（人）", Scope.SECTION, "teachers.fullTimeByQualification.bachelor", Kind.COUNT, Blank.REFUSED),
    TEACHERS_MASTER("专任教师-硕士（人）", Scope.SECTION, "teachers.fullTimeByQualification.master", Kind.COUNT, Blank.REFUSED),
    TEACHERS_DOCTORATE("专任教师-博士（人）", Scope.SECTION, "teachers.fullTimeByQualification.doctorate", Kind.COUNT, Blank.REFUSED),
    CERTIFIED_TEACHERS("持教师资格证专任教师（人）", Scope.SECTION, "teachers.certified", Kind.COUNT, Blank.NOT_REPORTED),
    KEY_TEACHERS("县级及以上骨干教师（人）", Scope.SECTION, "teachers.countyLevelKey", Kind.COUNT, Blank.REFUSED),
    PE_TEACHERS("体育专任教师（人）", Scope.SECTION, "teachers.physicalEducation", Kind.COUNT, Blank.REFUSED),
    MUSIC_TEACHERS("音乐专任教师（人）", Scope.SECTION, "teachers.music", Kind.COUNT, Blank.REFUSED),
    FINE_ART_TEACHERS("美术专任教师（人）", Scope.SECTION, "teachers.fineArt", Kind.COUNT, Blank.REFUSED),
    ARTS_TEACHERS("综合艺术专任教师（人）", Scope.SECTION, "teachers.integratedArts", Kind.COUNT, Blank.REFUSED),
    ROTATING_PE_ARTS_TEACHERS("交流轮岗/兼职/走教体育艺术教师（人）", Scope.SECTION, "teachers.rotatingPhysicalEducationAndArts", Kind.COUNT, Blank.ALLOWED),
    TRAINED_TEACHERS("5年内完成360学时培训教师（人）", Scope.SECTION, "teachers.completed360TrainingHours", Kind.COUNT, Blank.NOT_REPORTED),

    TEACHING_AREA("教学及辅助用房面积（m²）", Scope.FACILITIES, "teachingAndAuxiliaryArea", Kind.AREA, Blank.REFUSED),
    INDOOR_SPORTS_AREA("室内体育用房面积（m²）", Scope.FACILITIES, "indoorSportsArea", Kind.AREA, Blank.REFUSED),
    GYMNASIUM_AREA("体育馆面积（m²）", Scope.FACILITIES, "gymnasiumArea", Kind.AREA, Blank.REFUSED),
    SPORTS_GROUND_AREA("校内运动场地面积（m²）", Scope.FACILITIES, "sportsGroundArea", Kind.AREA, Blank.REFUSED),
    LEASED_SPORTS_AREA("改造及政府租用体育场馆面积（m²）", Scope.FACILITIES, "leasedOrConvertedSportsArea", Kind.AREA, Blank.ALLOWED),
    EQUIPMENT_VALUE("教学仪器设备值（元）", Scope.FACILITIES, "equipmentBookValue", Kind.MONEY, Blank.REFUSED),
    MULTIMEDIA_CLASSROOMS("网络多媒体教室（间）", Scope.FACILITIES, "multimediaClassrooms", Kind.COUNT, Blank.REFUSED),
    MUSIC_ROOM_AREAS("音乐专用教室面积（m²，每间一个数，以;分隔）", Scope.FACILITIES, "musicRoomAreas", Kind.AREA_LIST, Blank.ALLOWED),
    ART_ROOM_AREAS("美术专用教室面积（m²，每间一个数，以;分隔）", Scope.FACILITIES, "artRoomAreas", Kind.AREA_LIST, Blank.ALLOWED),

    SENIOR_PUPILS("高中在校生数（人）", Scope.SCHOOL, "seniorPupils", Kind.COUNT, Blank.ALLOWED),
    OPERATING_FUND_BUDGET("年度公用经费预算（元）", Scope.SCHOOL, "funds.operatingFundBudget", Kind.MONEY, Blank.NOT_REPORTED),
    TRAINING_BUDGET("教师培训经费（元）", Scope.SCHOOL, "funds.teacherTrainingBudget", Kind.MONEY, Blank.NOT_REPORTED),
    FUNDED_PUPILS("核定公用经费学生数（人）", Scope.SCHOOL, "funds.fundedPupils", Kind.COUNT, Blank.ALLOWED),

    COHORT_ENTRY_YEAR("巩固率-入学年份", Scope.RETENTION, "entryYear", Kind.YEAR, Blank.ALLOWED),
    COHORT_GRADE7("巩固率-七年级入学人数（人）", Scope.RETENTION, "grade7Enrolment", Kind.COUNT, Blank.ALLOWED),
    COHORT_GRADUATES("巩固率-毕业人数（人）", Scope.RETENTION, "graduates", Kind.COUNT, Blank.ALLOWED),
    COHORT_TRANSFERS_IN("巩固率-转入人数（人）", Scope.RETENTION, "transfersIn", Kind.COUNT, Blank.ALLOWED),
    COHORT_TRANSFERS_OUT("巩固率-转出人数（人）", Scope.RETENTION, "transfersOut", Kind.COUNT, Blank.ALLOWED),
    COHORT_DEATHS("巩固率-死亡人数（人）", Scope.RETENTION, "deaths", Kind.COUNT, Blank.ALLOWED);

    /** What a blank cell means. */
    public enum Blank {
        /** the cell must be filled */
        REFUSED,
        /** may be left blank: none (0, no rooms, no cohort) */
        ALLOWED,
        /** may be left blank: not reported, and the items that need it are “data missing” for the school */
        NOT_REPORTED
    }

    /** Where a column's value lands in the form. */
    public enum Scope { IDENTITY, SECTION, FACILITIES, SCHOOL, RETENTION }

    /** How a cell is read. */
    public enum Kind {
        /** 10-digit 学校标识码, kept as text (a spreadsheet must not turn it into a number). */
        CODE,
        TEXT,
        /** 小学 or 初中 (also P / J). */
        SECTION,
        /** a whole number of people, rooms or classes, ≥ 0 */
        COUNT,
        /** m², ≥ 0, up to 2 decimals */
        AREA,
        /** 元, ≥ 0, up to 2 decimals */
        MONEY,
        /** m² per room, separated by ; (also ；、,) */
        AREA_LIST,
        YEAR
    }

    private final String header;
    private final Scope scope;
    private final String path;
    private final Kind kind;
    private final Blank blank;

    StatisticsColumn(String header, Scope scope, String path, Kind kind, Blank blank) {
        this.header = header;
        this.scope = scope;
        this.path = path;
        this.kind = kind;
        this.blank = blank;
    }

    public String header() {
        return header;
    }

    public Scope scope() {
        return scope;
    }

    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    /** Required on the rows its scope applies to (facilities: on the rows that carry facilities). */
    public boolean required() {
        return blank == Blank.REFUSED;
    }

    public Blank blank() {
        return blank;
    }

    /** Spreadsheet column letter in the template (A, B, …, AA …). */
    public String letter() {
        int n = ordinal() + 1;
        StringBuilder letters = new StringBuilder();
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }

    public static Optional<StatisticsColumn> byHeader(String header) {
        String wanted = header == null ? "" : header.trim();
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }

    public static List<StatisticsColumn> inOrder() {
        return List.of(values());
    }
}

package org.junheng.intake.importing;

import static org.junheng.intake.importing.ImportFixtures.row;
import static org.junheng.intake.importing.ImportFixtures.with;
import static org.junheng.intake.importing.StatisticsColumn.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;

/**
 * Four real-looking schools of Dadukou, one of each facility layout:
 * <ul>
 *   <li>{@link #PRIMARY} 小学, one row, its own facilities;</li>
 *   <li>{@link #NINE_YEAR} 九年一贯制, whole-school facilities on its first (小学) row, its 初中 row further down;</li>
 *   <li>{@link #COMPLETE_SECONDARY} 完全中学, one 初中 row with senior pupils: facilities shared with the senior section,
 *   hence whole-school;</li>
 *   <li>{@link #TWELVE_YEAR} 十二年一贯制, facilities split on both rows, 初中 row first, a blank row between.</li>
 * </ul>
 */
final class SampleSchools {

    static final String PRIMARY = "5001040001";
    static final String NINE_YEAR = "5001040002";
    static final String COMPLETE_SECONDARY = "5001040003";
    static final String TWELVE_YEAR = "5001040004";

    /** Sheet rows of the data (header = row 1); row 7 is blank. */
    static final int PRIMARY_ROW = 2;
    static final int NINE_YEAR_PRIMARY_ROW = 3;
    static final int COMPLETE_SECONDARY_ROW = 4;
    static final int NINE_YEAR_JUNIOR_ROW = 5;
    static final int TWELVE_YEAR_JUNIOR_ROW = 6;
    static final int TWELVE_YEAR_PRIMARY_ROW = 8;

    private SampleSchools() {
    }

    /** As typed into the XLSX template: numbers as numbers, one school code as a number, one formula. */
    static List<Map<StatisticsColumn, Object>> xlsxRows() {
        Map<StatisticsColumn, Object> primary = row(
                SCHOOL_CODE, 5001040001L, SCHOOL_NAME, "重庆市大渡口区实验小学", SECTION, "小学",
                PUPILS, 1200, CLASSES, 27, LARGEST_CLASS_SIZE, 45, MIGRANT_PUPILS, 130, IN_CATCHMENT_PUPILS, 1150,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 12, TEACHERS_BACHELOR, 60, TEACHERS_MASTER, 3,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 75, KEY_TEACHERS, 14, PE_TEACHERS, 6, MUSIC_TEACHERS, 4,
                FINE_ART_TEACHERS, 3, ARTS_TEACHERS, 1, TRAINED_TEACHERS, 70,
                TEACHING_AREA, 6100.5, INDOOR_SPORTS_AREA, 800, GYMNASIUM_AREA, 0, SPORTS_GROUND_AREA, 9600.25,
                EQUIPMENT_VALUE, "=2000000+650000", MULTIMEDIA_CLASSROOMS, 30, MUSIC_ROOM_AREAS, "96;90",
                ART_ROOM_AREAS, "90",
                OPERATING_FUND_BUDGET, 1800000, TRAINING_BUDGET, 95000.5);
        Map<StatisticsColumn, Object> nineYearPrimary = row(
                SCHOOL_CODE, NINE_YEAR, SCHOOL_NAME, "重庆市大渡口区育才学校", SECTION, "小学",
                PUPILS, 900, CLASSES, 20, LARGEST_CLASS_SIZE, 46, MIGRANT_PUPILS, 80, IN_CATCHMENT_PUPILS, 880,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 1, TEACHERS_ASSOCIATE, 10, TEACHERS_BACHELOR, 40, TEACHERS_MASTER, 2,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 53, KEY_TEACHERS, 9, PE_TEACHERS, 4, MUSIC_TEACHERS, 3,
                FINE_ART_TEACHERS, 2, ARTS_TEACHERS, 0, ROTATING_PE_ARTS_TEACHERS, 2, TRAINED_TEACHERS, 50,
                TEACHING_AREA, 9800, INDOOR_SPORTS_AREA, 1200, GYMNASIUM_AREA, 1500, SPORTS_GROUND_AREA, 14000,
                EQUIPMENT_VALUE, 4200000.75, MULTIMEDIA_CLASSROOMS, 40, MUSIC_ROOM_AREAS, "96；96",
                ART_ROOM_AREAS, "90、88",
                OPERATING_FUND_BUDGET, 2600000, TRAINING_BUDGET, 140000);
        Map<StatisticsColumn, Object> nineYearJunior = row(
                SCHOOL_CODE, NINE_YEAR, SCHOOL_NAME, "重庆市大渡口区育才学校", SECTION, "初中",
                PUPILS, 600, CLASSES, 12, LARGEST_CLASS_SIZE, 50, MIGRANT_PUPILS, 40, IN_CATCHMENT_PUPILS, 590,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 2, TEACHERS_BACHELOR, 45, TEACHERS_MASTER, 5,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 52, KEY_TEACHERS, 8, PE_TEACHERS, 3, MUSIC_TEACHERS, 1,
                FINE_ART_TEACHERS, 1, ARTS_TEACHERS, 0, TRAINED_TEACHERS, 49,
                OPERATING_FUND_BUDGET, 2600000, // repeated, as the rules allow
                COHORT_ENTRY_YEAR, 2021, COHORT_GRADE7, 210, COHORT_GRADUATES, 205, COHORT_TRANSFERS_IN, 6,
                COHORT_TRANSFERS_OUT, 9, COHORT_DEATHS, 0);
        Map<StatisticsColumn, Object> completeSecondary = row(
                SCHOOL_CODE, COMPLETE_SECONDARY, SCHOOL_NAME, "重庆市第三十七中学校", SECTION, "初中",
                PUPILS, 1300, CLASSES, 26, LARGEST_CLASS_SIZE, 52, MIGRANT_PUPILS, 210, IN_CATCHMENT_PUPILS, 1240,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 3, TEACHERS_BACHELOR, 98, TEACHERS_MASTER, 14,
                TEACHERS_DOCTORATE, 1, CERTIFIED_TEACHERS, 116, KEY_TEACHERS, 20, PE_TEACHERS, 8, MUSIC_TEACHERS, 3,
                FINE_ART_TEACHERS, 3, ARTS_TEACHERS, 0, TRAINED_TEACHERS, 110,
                TEACHING_AREA, 21000, INDOOR_SPORTS_AREA, 2400, GYMNASIUM_AREA, 3200, SPORTS_GROUND_AREA, 26000.8,
                LEASED_SPORTS_AREA, 1500, EQUIPMENT_VALUE, 9800000, MULTIMEDIA_CLASSROOMS, 70,
                MUSIC_ROOM_AREAS, "96;96;110", ART_ROOM_AREAS, "92;92",
                SENIOR_PUPILS, 1100, OPERATING_FUND_BUDGET, 5200000, TRAINING_BUDGET, 300000,
                COHORT_ENTRY_YEAR, 2021, COHORT_GRADE7, 440, COHORT_GRADUATES, 431, COHORT_TRANSFERS_IN, 12,
                COHORT_TRANSFERS_OUT, 15, COHORT_DEATHS, 1);
        Map<StatisticsColumn, Object> twelveYearJunior = row(
                SCHOOL_CODE, TWELVE_YEAR, SCHOOL_NAME, "重庆市大渡口区公民学校", SECTION, "初中",
                PUPILS, 500, CLASSES, 10, LARGEST_CLASS_SIZE, 50, MIGRANT_PUPILS, 60, IN_CATCHMENT_PUPILS, 480,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 1, TEACHERS_BACHELOR, 38, TEACHERS_MASTER, 6,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 45, KEY_TEACHERS, 7, PE_TEACHERS, 3, MUSIC_TEACHERS, 1,
                FINE_ART_TEACHERS, 1, ARTS_TEACHERS, 1, TRAINED_TEACHERS, 44,
                TEACHING_AREA, 4300.4, INDOOR_SPORTS_AREA, 500, GYMNASIUM_AREA, 800, SPORTS_GROUND_AREA, 6200,
                EQUIPMENT_VALUE, 1600000, MULTIMEDIA_CLASSROOMS, 14, MUSIC_ROOM_AREAS, "96", ART_ROOM_AREAS, "90",
                SENIOR_PUPILS, 300, OPERATING_FUND_BUDGET, 2100000, TRAINING_BUDGET, 110000, FUNDED_PUPILS, 1100,
                COHORT_ENTRY_YEAR, 2021, COHORT_GRADE7, 170, COHORT_GRADUATES, 168, COHORT_TRANSFERS_IN, 2,
                COHORT_TRANSFERS_OUT, 4, COHORT_DEATHS, 0);
        Map<StatisticsColumn, Object> twelveYearPrimary = row(
                SCHOOL_CODE, TWELVE_YEAR, SCHOOL_NAME, "重庆市大渡口区公民学校", SECTION, "小学",
                PUPILS, 700, CLASSES, 16, LARGEST_CLASS_SIZE, 45, MIGRANT_PUPILS, 90, IN_CATCHMENT_PUPILS, 700,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 9, TEACHERS_BACHELOR, 33, TEACHERS_MASTER, 1,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 43, KEY_TEACHERS, 5, PE_TEACHERS, 3, MUSIC_TEACHERS, 2,
                FINE_ART_TEACHERS, 2, ARTS_TEACHERS, 0, TRAINED_TEACHERS, 40,
                TEACHING_AREA, 3900, INDOOR_SPORTS_AREA, 300, GYMNASIUM_AREA, 0, SPORTS_GROUND_AREA, 5400.5,
                EQUIPMENT_VALUE, 1450000, MULTIMEDIA_CLASSROOMS, 17, MUSIC_ROOM_AREAS, "96", ART_ROOM_AREAS, "90");
        return new ArrayList<>(Arrays.asList(primary, nineYearPrimary, completeSecondary, nineYearJunior,
                twelveYearJunior, null, twelveYearPrimary));
    }

    /** The same data as saved to CSV by hand: the code as text, thousands separators, trailing zeros, full-width digits. */
    static List<Map<StatisticsColumn, Object>> csvRows() {
        List<Map<StatisticsColumn, Object>> rows = xlsxRows();
        rows.set(0, with(rows.get(0), SCHOOL_CODE, PRIMARY, EQUIPMENT_VALUE, "2,650,000.00", TRAINING_BUDGET, "95,000.50",
                CLASSES, "２７"));
        rows.set(3, with(rows.get(3), OPERATING_FUND_BUDGET, "2600000.00"));
        rows.set(2, with(rows.get(2), SPORTS_GROUND_AREA, "26000.80", MUSIC_ROOM_AREAS, "96, 96, 110;"));
        return rows;
    }

    static SchoolStatistics primary() {
        return new SchoolStatistics(
                List.of(new SectionStatistics(Section.P, 1200, 27, 45, List.of(), 130, 1150,
                        new Teachers(new QualificationCounts(0, 12, 60, 3, 0), 75, 14, 6, 4, 3, 1, 0, 70),
                        new Facilities(bd("6100.5"), bd("800"), bd("0"), bd("9600.25"), null, bd("2650000"), 30,
                                List.of(bd("96"), bd("90")), List.of(bd("90"))))),
                0, null, new Funds(bd("1800000"), bd("95000.5"), null), null);
    }

    static SchoolStatistics nineYear() {
        return new SchoolStatistics(
                List.of(new SectionStatistics(Section.P, 900, 20, 46, List.of(), 80, 880,
                                new Teachers(new QualificationCounts(1, 10, 40, 2, 0), 53, 9, 4, 3, 2, 0, 2, 50), null),
                        new SectionStatistics(Section.J, 600, 12, 50, List.of(), 40, 590,
                                new Teachers(new QualificationCounts(0, 2, 45, 5, 0), 52, 8, 3, 1, 1, 0, 0, 49), null)),
                0,
                new Facilities(bd("9800"), bd("1200"), bd("1500"), bd("14000"), null, bd("4200000.75"), 40,
                        List.of(bd("96"), bd("96")), List.of(bd("90"), bd("88"))),
                new Funds(bd("2600000"), bd("140000"), null),
                new RetentionCohort(2021, 210, 205, 6, 9, 0));
    }

    static SchoolStatistics completeSecondary() {
        return new SchoolStatistics(
                List.of(new SectionStatistics(Section.J, 1300, 26, 52, List.of(), 210, 1240,
                        new Teachers(new QualificationCounts(0, 3, 98, 14, 1), 116, 20, 8, 3, 3, 0, 0, 110), null)),
                1100,
                new Facilities(bd("21000"), bd("2400"), bd("3200"), bd("26000.8"), bd("1500"), bd("9800000"), 70,
                        List.of(bd("96"), bd("96"), bd("110")), List.of(bd("92"), bd("92"))),
                new Funds(bd("5200000"), bd("300000"), null),
                new RetentionCohort(2021, 440, 431, 12, 15, 1));
    }

    static SchoolStatistics twelveYear() {
        return new SchoolStatistics(
                List.of(new SectionStatistics(Section.P, 700, 16, 45, List.of(), 90, 700,
                                new Teachers(new QualificationCounts(0, 9, 33, 1, 0), 43, 5, 3, 2, 2, 0, 0, 40),
                                new Facilities(bd("3900"), bd("300"), bd("0"), bd("5400.5"), null, bd("1450000"), 17,
                                        List.of(bd("96")), List.of(bd("90")))),
                        new SectionStatistics(Section.J, 500, 10, 50, List.of(), 60, 480,
                                new Teachers(new QualificationCounts(0, 1, 38, 6, 0), 45, 7, 3, 1, 1, 1, 0, 44),
                                new Facilities(bd("4300.4"), bd("500"), bd("800"), bd("6200"), null, bd("1600000"), 14,
                                        List.of(bd("96")), List.of(bd("90"))))),
                300, null, new Funds(bd("2100000"), bd("110000"), 1100),
                new RetentionCohort(2021, 170, 168, 2, 4, 0));
    }

    static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}

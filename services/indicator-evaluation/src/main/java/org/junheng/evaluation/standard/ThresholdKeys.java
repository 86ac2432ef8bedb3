package org.junheng.evaluation.standard;

import java.util.List;
import java.util.Map;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;

/**
 * The parameter keys the engine reads, in one place. A standard file is rejected at load time when a key the engine
 * needs is missing, so a typo in a data file fails fast instead of during an evaluation.
 */
public final class ThresholdKeys {

    public static final String MINIMUM = "minimum";
    public static final String MAXIMUM = "maximum";

    public static final String QUALIFYING_FROM = "qualifyingFrom";
    public static final String RURAL_SMALL_SCHOOL_MIN_PUPILS = "ruralSmallSchoolMinPupils";
    public static final String RURAL_SMALL_SCHOOL_MAX_PUPILS = "ruralSmallSchoolMaxPupils";

    public static final String MINIMUM_MET = "minimumMet";
    public static final String UNMET_MINIMUM_SHARE_OF_STANDARD = "unmetMinimumShareOfStandard";

    public static final String CLASSES_PER_ROOM = "classesPerRoom";
    public static final String MUSIC_ROOM_MIN_AREA = "musicRoomMinArea";
    public static final String ART_ROOM_MIN_AREA = "artRoomMinArea";
    public static final String RELAXED_BUILT_UP_TO_YEAR = "relaxedBuiltUpToYear";
    public static final String RELAXED_MUSIC_ROOM_MIN_AREA = "relaxedMusicRoomMinArea";
    public static final String RELAXED_ART_ROOM_MIN_AREA = "relaxedArtRoomMinArea";
    public static final String RURAL_SMALL_LARGEST_CLASS_BELOW = "ruralSmallLargestClassBelow";
    public static final String RURAL_SMALL_ROOM_MIN_AREA = "ruralSmallRoomMinArea";

    public static final String MAX_PUPILS = "maxPupils";
    public static final String MAX_PUPILS_ONE_THROUGH = "maxPupilsOneThrough";
    public static final String RELAXED_MAX_PUPILS = "relaxedMaxPupils";
    public static final String RELAXED_MAX_PUPILS_ONE_THROUGH = "relaxedMaxPupilsOneThrough";
    public static final String RELAXED_MIGRANT_SHARE_ABOVE = "relaxedMigrantShareAbove";

    public static final String MAX_CLASS_SIZE = "maxClassSize";
    public static final String SMALL_SCHOOL_PUPILS_BELOW = "smallSchoolPupilsBelow";
    public static final String MINIMUM_FUNDED_PUPILS = "minimumFundedPupils";
    public static final String MINIMUM_PAY_RATIO = "minimumPayRatio";
    public static final String MINIMUM_ROTATION_SHARE = "minimumRotationShare";
    public static final String MINIMUM_KEY_TEACHER_SHARE = "minimumKeyTeacherShare";
    public static final String MINIMUM_GRADE = "minimumGrade";
    public static final String MINIMUM_LEVEL = "minimumLevel";
    public static final String DIFFERENCE_RATE_BELOW = "differenceRateBelow";

    /** Settings of the standard as a whole. */
    public static final String TEACHING_POINT_MIN_PUPILS = "resourceAllocationScope.teachingPointMinPupils";
    public static final String BASIC_BALANCE_MIN_YEARS_BEFORE = "readiness.basicBalanceMinYearsBefore";

    private static final List<Section> BOTH = List.of(Section.P, Section.J);

    /** The keys the engine needs per indicator; for per-section keys both sections must resolve. */
    static final Map<IndicatorCode, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(IndicatorCode.RA1, List.of(MINIMUM, QUALIFYING_FROM)),
            Map.entry(IndicatorCode.RA2, List.of(MINIMUM)),
            Map.entry(IndicatorCode.RA3,
                    List.of(MINIMUM, RURAL_SMALL_SCHOOL_MIN_PUPILS, RURAL_SMALL_SCHOOL_MAX_PUPILS)),
            Map.entry(IndicatorCode.RA4, List.of(MINIMUM)),
            Map.entry(IndicatorCode.RA5, List.of(MINIMUM)),
            Map.entry(IndicatorCode.RA6, List.of(MINIMUM)),
            Map.entry(IndicatorCode.RA7, List.of(MINIMUM)),
            Map.entry(IndicatorCode.RA_SCHOOL, List.of(MINIMUM_MET, UNMET_MINIMUM_SHARE_OF_STANDARD)),
            Map.entry(IndicatorCode.GG3, List.of(CLASSES_PER_ROOM, MUSIC_ROOM_MIN_AREA, ART_ROOM_MIN_AREA,
                    RELAXED_BUILT_UP_TO_YEAR, RELAXED_MUSIC_ROOM_MIN_AREA, RELAXED_ART_ROOM_MIN_AREA,
                    RURAL_SMALL_LARGEST_CLASS_BELOW, RURAL_SMALL_ROOM_MIN_AREA)),
            Map.entry(IndicatorCode.GG4, List.of(MAX_PUPILS, MAX_PUPILS_ONE_THROUGH, RELAXED_MAX_PUPILS,
                    RELAXED_MAX_PUPILS_ONE_THROUGH, RELAXED_BUILT_UP_TO_YEAR, RELAXED_MIGRANT_SHARE_ABOVE)),
            Map.entry(IndicatorCode.GG5, List.of(MAX_CLASS_SIZE)),
            Map.entry(IndicatorCode.GG6, List.of(SMALL_SCHOOL_PUPILS_BELOW, MINIMUM_FUNDED_PUPILS)),
            Map.entry(IndicatorCode.GG7, List.of(MINIMUM)),
            Map.entry(IndicatorCode.GG8, List.of(MINIMUM_PAY_RATIO)),
            Map.entry(IndicatorCode.GG9, List.of(MINIMUM)),
            Map.entry(IndicatorCode.GG11, List.of(MINIMUM_ROTATION_SHARE, MINIMUM_KEY_TEACHER_SHARE)),
            Map.entry(IndicatorCode.GG12, List.of(MINIMUM)),
            Map.entry(IndicatorCode.GG13, List.of(MINIMUM)),
            Map.entry(IndicatorCode.GG14, List.of(MINIMUM)),
            Map.entry(IndicatorCode.GG15, List.of(MINIMUM)),
            Map.entry(IndicatorCode.EQ1, List.of(MINIMUM)),
            Map.entry(IndicatorCode.EQ2, List.of(MINIMUM)),
            Map.entry(IndicatorCode.EQ4, List.of(MINIMUM)),
            Map.entry(IndicatorCode.EQ6, List.of(MINIMUM_GRADE)),
            Map.entry(IndicatorCode.EQ9, List.of(MINIMUM_LEVEL, DIFFERENCE_RATE_BELOW)),
            Map.entry(IndicatorCode.SR1, List.of(MINIMUM)));

    static final List<String> REQUIRED_SETTINGS = List.of(TEACHING_POINT_MIN_PUPILS, BASIC_BALANCE_MIN_YEARS_BEFORE);

    private ThresholdKeys() {
    }

    /** Every key the engine reads must resolve for both sections (a sectionless parameter serves both). */
    static List<String> missing(IndicatorRule rule) {
        List<String> wanted = REQUIRED.getOrDefault(rule.code(), List.of());
        if (rule.code().category() == IndicatorCategory.COUNTY_BALANCE) {
            wanted = List.of(MAXIMUM);
        }
        return wanted.stream()
                .filter(key -> BOTH.stream().anyMatch(section -> rule.threshold(key, section).isEmpty()))
                .toList();
    }
}

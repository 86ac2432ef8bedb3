package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Labelled;

/**
 * The county-level figure sets departments submit (STANDARD.md §7), with the indicators each one feeds and the keys
 * of its values. The keys are part of the contract: the evaluation reads exactly these.
 */
@JsonClassDescription("县级数据类别 (kind of county figure set)")
public enum CountyFigureSetKind implements Labelled {
    /** GG8: yearly average pay in 元. */
    TEACHER_PAY("教师与公务员平均工资收入", List.of(IndicatorCode.GG8),
            List.of("teacherAveragePay", "civilServantAveragePay")),
    /** GG8's second half: the teachers' performance-pay totals fully approved (足额核定); 1 yes, 0 no. */
    PERFORMANCE_PAY("教师绩效工资总量核定", List.of(IndicatorCode.GG8), List.of("performancePayFullyApproved")),
    /** GG11: rotation counts of the year. */
    TEACHER_ROTATION("教师交流轮岗", List.of(IndicatorCode.GG11),
            List.of("eligibleTeachers", "rotatedTeachers", "rotatedKeyTeachers")),
    /** GG14: places of quality senior high schools allocated to junior schools. */
    SENIOR_HIGH_QUOTA("优质高中招生名额分配", List.of(IndicatorCode.GG14),
            List.of("intakePlan", "allocatedPlaces", "allocatedToRuralJuniorSchools")),
    /** GG15: eligible migrant children and where they study. */
    MIGRANT_CHILDREN_PLACEMENT("随迁子女就读", List.of(IndicatorCode.GG15),
            List.of("eligibleMigrantChildren", "publicSchoolPlaces", "purchasedPrivatePlaces")),
    /** EQ2: school-age disabled children and how they are enrolled. */
    DISABLED_CHILDREN_ENROLMENT("残疾儿童少年入学", List.of(IndicatorCode.EQ2),
            List.of("schoolAgeDisabledChildren", "mainstreamEnrolled", "specialSchoolEnrolled", "homeDelivered")),
    /** GG7: operating funds of special-education schools in 元. */
    SPECIAL_EDUCATION_FUNDING("特殊教育学校生均公用经费", List.of(IndicatorCode.GG7),
            List.of("specialEducationPupils", "specialEducationOperatingFunds")),
    /** EQ9: one {@code level} (Ⅲ = 3) and one {@code differenceRate} per subject; the qualifier names the subject. */
    NATIONAL_QUALITY_MONITORING("国家义务教育质量监测结果", List.of(IndicatorCode.EQ9),
            List.of("level", "differenceRate")),
    /** SR1: satisfaction as a fraction; the qualifier may name a respondent group (学生, 家长 …). */
    SATISFACTION_SURVEY("社会认可度调查", List.of(IndicatorCode.SR1),
            List.of("respondents", "satisfaction")),
    /** V1–V6: 1 when the condition is present, 0 when declared absent. */
    VETO_DECLARATION("一票否决情形申报",
            List.of(IndicatorCode.V1, IndicatorCode.V2, IndicatorCode.V3, IndicatorCode.V4, IndicatorCode.V5,
                    IndicatorCode.V6),
            List.of("V1", "V2", "V3", "V4", "V5", "V6"));

    private final String label;
    private final List<IndicatorCode> indicators;
    private final List<String> valueKeys;

    CountyFigureSetKind(String label, List<IndicatorCode> indicators, List<String> valueKeys) {
        this.label = label;
        this.indicators = indicators;
        this.valueKeys = valueKeys;
    }

    @Override
    public String label() {
        return label;
    }

    /** The indicators evaluated from this figure set. */
    public List<IndicatorCode> indicators() {
        return indicators;
    }

    /** The keys a {@link FigureValue} of this set may have. */
    public List<String> valueKeys() {
        return valueKeys;
    }

    /** Whether a key repeats with a qualifier (the subject of quality monitoring, a respondent group of a survey). */
    public boolean qualified() {
        return this == NATIONAL_QUALITY_MONITORING || this == SATISFACTION_SURVEY;
    }

    /** A value key in words, for the forms people fill (教师年平均工资收入（元）…); the key itself when unknown. */
    public String keyLabel(String key) {
        if (this == VETO_DECLARATION) {
            try {
                return IndicatorCode.fromCode(key).chineseName() + "（存在填1，不存在填0）";
            } catch (IllegalArgumentException unknown) {
                return key;
            }
        }
        return KEY_LABELS.getOrDefault(key, key);
    }

    private static final java.util.Map<String, String> KEY_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("teacherAveragePay", "教师年平均工资收入（元）"),
            java.util.Map.entry("civilServantAveragePay", "当地公务员年平均工资收入（元）"),
            java.util.Map.entry("performancePayFullyApproved", "教师绩效工资总量已足额核定（是填1，否填0）"),
            java.util.Map.entry("eligibleTeachers", "符合交流轮岗条件的教师（人）"),
            java.util.Map.entry("rotatedTeachers", "本年交流轮岗教师（人）"),
            java.util.Map.entry("rotatedKeyTeachers", "其中骨干教师（人）"),
            java.util.Map.entry("intakePlan", "优质高中招生计划（人）"),
            java.util.Map.entry("allocatedPlaces", "分配到初中学校的名额（人）"),
            java.util.Map.entry("allocatedToRuralJuniorSchools", "其中分配到农村初中的名额（人）"),
            java.util.Map.entry("eligibleMigrantChildren", "符合条件的随迁子女（人）"),
            java.util.Map.entry("publicSchoolPlaces", "在公办学校就读（人）"),
            java.util.Map.entry("purchasedPrivatePlaces", "在政府购买服务的民办学校就读（人）"),
            java.util.Map.entry("schoolAgeDisabledChildren", "适龄残疾儿童少年（人）"),
            java.util.Map.entry("mainstreamEnrolled", "随班就读（人）"),
            java.util.Map.entry("specialSchoolEnrolled", "特殊教育学校就读（人）"),
            java.util.Map.entry("homeDelivered", "送教上门（人）"),
            java.util.Map.entry("specialEducationPupils", "特殊教育学校在校生（人）"),
            java.util.Map.entry("specialEducationOperatingFunds", "特殊教育学校公用经费（元）"),
            java.util.Map.entry("level", "学业水平等级（Ⅲ级填3）"),
            java.util.Map.entry("differenceRate", "校际差异率"),
            java.util.Map.entry("respondents", "调查人数（人）"),
            java.util.Map.entry("satisfaction", "满意度（0–1，如0.92）"));
}

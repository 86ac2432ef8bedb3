package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable indicator codes of the assessment standard (STANDARD.md). Events, APIs and exports carry {@link #code()}
 * (e.g. {@code RA-SCHOOL}, {@code CV-RA4-J}), never the constant name, so the JSON form is independent of Java naming.
 * Thresholds are not here: they are data of a standard version ({@code CN-2017} and local overlays).
 */
@JsonClassDescription("指标代码 (stable indicator code of the assessment standard, e.g. RA1, RA-SCHOOL, CV-RA4-J, GG8, V1)")
public enum IndicatorCode implements Labelled {

    RA1("RA1", "每百名学生拥有高于规定学历教师数",
            "Teachers above the statutory qualification per 100 pupils", IndicatorCategory.RESOURCE_ALLOCATION),
    RA2("RA2", "每百名学生拥有县级及以上骨干教师数",
            "County-level-or-above key teachers per 100 pupils", IndicatorCategory.RESOURCE_ALLOCATION),
    RA3("RA3", "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
            "PE and arts (fine art, music) teachers per 100 pupils", IndicatorCategory.RESOURCE_ALLOCATION),
    RA4("RA4", "生均教学及辅助用房面积",
            "Teaching and auxiliary floor area per pupil (m²)", IndicatorCategory.RESOURCE_ALLOCATION),
    RA5("RA5", "生均体育运动场馆面积",
            "Sports ground and gymnasium area per pupil (m²)", IndicatorCategory.RESOURCE_ALLOCATION),
    RA6("RA6", "生均教学仪器设备值",
            "Teaching equipment value per pupil (yuan)", IndicatorCategory.RESOURCE_ALLOCATION),
    RA7("RA7", "每百名学生拥有网络多媒体教室数",
            "Networked multimedia classrooms per 100 pupils", IndicatorCategory.RESOURCE_ALLOCATION),
    RA_SCHOOL("RA-SCHOOL", "校级资源配置达标（7项中至少6项达标，余项不低于标准的85%）",
            "School pass rule: at least 6 of the 7 resource indicators met, the other at least 85% of its standard",
            IndicatorCategory.RESOURCE_ALLOCATION),

    CV_RA1_P(RA1, Section.P),
    CV_RA1_J(RA1, Section.J),
    CV_RA2_P(RA2, Section.P),
    CV_RA2_J(RA2, Section.J),
    CV_RA3_P(RA3, Section.P),
    CV_RA3_J(RA3, Section.J),
    CV_RA4_P(RA4, Section.P),
    CV_RA4_J(RA4, Section.J),
    CV_RA5_P(RA5, Section.P),
    CV_RA5_J(RA5, Section.J),
    CV_RA6_P(RA6, Section.P),
    CV_RA6_J(RA6, Section.J),
    CV_RA7_P(RA7, Section.P),
    CV_RA7_J(RA7, Section.J),

    GG1("GG1", "县域内义务教育学校规划布局合理，符合国家规定要求",
            "School layout planned rationally and as nationally required"),
    GG2("GG2", "城乡学校建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一",
            "Unified urban and rural standards for construction, staffing, per-pupil operating funds and equipment"),
    GG3("GG3", "每12个班级配备音乐、美术专用教室1间以上；音乐教室≥96 m²，美术教室≥90 m²",
            "At least one music room and one art room per 12 classes (music ≥ 96 m², art ≥ 90 m²)"),
    GG4("GG4", "学校规模：小学、初中不超过2000人，九年一贯制、十二年一贯制学校不超过2500人",
            "School size: at most 2000 pupils, 2500 for nine- and twelve-year schools"),
    GG5("GG5", "班额：小学不超过45人，初中不超过50人",
            "Class size: at most 45 in primary, 50 in junior sections"),
    GG6("GG6", "不足100名学生的村小学和教学点按100名学生核定公用经费",
            "Village schools and teaching points under 100 pupils are funded as 100 pupils"),
    GG7("GG7", "特殊教育学校生均公用经费不低于6000元",
            "Special-education operating funds at least 6000 yuan per pupil"),
    GG8("GG8", "教师平均工资收入水平不低于当地公务员平均工资收入水平",
            "Teachers' average pay not below local civil servants' average pay"),
    GG9("GG9", "教师5年360学时培训完成率达到100%",
            "All teachers complete 360 training hours in 5 years"),
    GG10("GG10", "在核定编制总额和岗位总量内统筹分配各校编制和岗位",
            "Staffing quotas and posts allocated across schools within the approved totals"),
    GG11("GG11", "每年交流轮岗教师不低于符合条件教师的10%，其中骨干教师不低于交流轮岗教师的20%",
            "Yearly rotation of at least 10% of eligible teachers, key teachers at least 20% of those rotated"),
    GG12("GG12", "专任教师持有教师资格证上岗率达到100%",
            "All full-time teachers hold a teacher certificate"),
    GG13("GG13", "城区和镇区公办小学、初中（不含寄宿制学校）就近划片入学比例分别达到100%、95%",
            "Catchment-area admission at urban and town public non-boarding schools: 100% primary, 95% junior"),
    GG14("GG14", "优质高中招生名额分配比例不低于50%，并向农村初中倾斜",
            "At least 50% of quality senior-high places allocated to junior schools, favouring rural ones"),
    GG15("GG15", "符合条件的随迁子女在公办学校和政府购买服务的民办学校就读的比例不低于85%",
            "At least 85% of eligible migrant children in public or government-purchased private places"),
    /** GG15's second half, judged by the supervision office: the care system for left-behind children. */
    GG15_CARE("GG15-CARE", "留守儿童关爱体系健全", "A sound care system for left-behind children"),

    EQ1("EQ1", "初中三年巩固率达到95%以上",
            "Junior three-year retention rate at least 95%", IndicatorCategory.EDUCATION_QUALITY),
    EQ2("EQ2", "残疾儿童少年入学率达到95%以上",
            "Enrolment rate of disabled children at least 95%", IndicatorCategory.EDUCATION_QUALITY),
    EQ3("EQ3", "所有学校制定章程，实现学校管理与教学信息化",
            "Every school has a charter and digital management and teaching", IndicatorCategory.EDUCATION_QUALITY),
    EQ4("EQ4", "教师培训经费不低于学校年度公用经费预算总额的5%",
            "Teacher-training budget at least 5% of the school's operating-fund budget",
            IndicatorCategory.EDUCATION_QUALITY),
    EQ5("EQ5", "教师能熟练运用信息化手段组织教学，设施设备利用率较高",
            "Teachers teach fluently with ICT; facilities and equipment well used", IndicatorCategory.EDUCATION_QUALITY),
    EQ6("EQ6", "德育工作、校园文化建设水平达到良好以上",
            "Moral education and school culture rated good or better", IndicatorCategory.EDUCATION_QUALITY),
    EQ7("EQ7", "课程开齐开足，教学秩序规范，综合实践活动有效开展",
            "Full curriculum, orderly teaching, effective practical activities", IndicatorCategory.EDUCATION_QUALITY),
    EQ8("EQ8", "无过重课业负担",
            "No excessive academic burden", IndicatorCategory.EDUCATION_QUALITY),
    EQ9("EQ9", "国家义务教育质量监测相关科目学业水平达到Ⅲ级以上，且校际差异率低于0.15",
            "National quality monitoring: level III or above in every subject, between-school difference rate below 0.15",
            IndicatorCategory.EDUCATION_QUALITY),
    /** The 双减 requirement of recognition, judged by the supervision office (an overlay may make it a veto). */
    EQ10("EQ10", "全面落实“双减”政策，有效减轻学生过重作业负担和校外培训负担",
            "The double reduction (双减) policy in force: homework and off-campus tutoring burdens reduced",
            IndicatorCategory.EDUCATION_QUALITY),

    SR1("SR1", "社会认可度达到85%以上",
            "Social satisfaction at least 85%", IndicatorCategory.SOCIAL_RECOGNITION),

    V1("V1", "以考试方式招生", "Admission by examination", IndicatorCategory.VETO),
    V2("V2", "违规择校", "Illegal school choice", IndicatorCategory.VETO),
    V3("V3", "设置重点学校或重点班", "Key schools or key classes", IndicatorCategory.VETO),
    V4("V4", "“有编不补”或长期聘用编外教师", "Unfilled posts or long-term off-quota teachers", IndicatorCategory.VETO),
    V5("V5", "重大安全责任事故和严重违纪违规事件", "Major safety accident or serious violation", IndicatorCategory.VETO),
    V6("V6", "弄虚作假", "Falsified data or materials", IndicatorCategory.VETO);

    private static final Map<String, IndicatorCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(IndicatorCode::code, Function.identity()));

    private final String code;
    private final String chineseName;
    private final String englishName;
    private final IndicatorCategory category;
    /** For a county-balance code: the resource indicator whose coefficient of variation it is. */
    private final IndicatorCode varied;
    /** For a county-balance code: the section set the coefficient is taken over. */
    private final Section section;

    IndicatorCode(String code, String chineseName, String englishName, IndicatorCategory category) {
        this.code = code;
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.category = category;
        this.varied = null;
        this.section = null;
    }

    /** A government-guarantee item (GG1–GG15). */
    IndicatorCode(String code, String chineseName, String englishName) {
        this(code, chineseName, englishName, IndicatorCategory.GOVERNMENT_GUARANTEE);
    }

    /** The county balance rule (校际均衡) for one resource indicator and one section set. */
    IndicatorCode(IndicatorCode varied, Section section) {
        this.code = "CV-" + varied.code + "-" + section.name();
        this.chineseName = section.label() + varied.chineseName + "差异系数";
        this.englishName = "Coefficient of variation across " + (section == Section.P ? "primary" : "junior")
                + " sections: " + varied.englishName;
        this.category = IndicatorCategory.COUNTY_BALANCE;
        this.varied = varied;
        this.section = section;
    }

    /** The stable code, e.g. {@code RA-SCHOOL} or {@code CV-RA1-P}; the JSON form of this enum. */
    @JsonValue
    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    /** What the item is about in a few words, for titles and lists (生均体育运动场馆面积, 就近划片入学比例, 班额). */
    public String shortName() {
        return SHORT_NAMES.getOrDefault(this, chineseName);
    }

    /** Items whose Chinese name is the standard's whole requirement sentence. */
    private static final java.util.Map<IndicatorCode, String> SHORT_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry(RA_SCHOOL, "校级资源配置"),
            java.util.Map.entry(GG1, "学校规划布局"),
            java.util.Map.entry(GG2, "城乡学校建设和配置标准统一"),
            java.util.Map.entry(GG3, "音乐、美术专用教室"),
            java.util.Map.entry(GG4, "学校规模"),
            java.util.Map.entry(GG5, "班额"),
            java.util.Map.entry(GG6, "小规模学校公用经费"),
            java.util.Map.entry(GG7, "特殊教育学校生均公用经费"),
            java.util.Map.entry(GG8, "教师平均工资收入"),
            java.util.Map.entry(GG9, "教师5年360学时培训完成率"),
            java.util.Map.entry(GG10, "编制和岗位统筹"),
            java.util.Map.entry(GG11, "教师交流轮岗"),
            java.util.Map.entry(GG12, "教师资格证持证上岗率"),
            java.util.Map.entry(GG13, "就近划片入学比例"),
            java.util.Map.entry(GG14, "优质高中招生名额分配"),
            java.util.Map.entry(GG15, "随迁子女就读比例"),
            java.util.Map.entry(EQ1, "初中三年巩固率"),
            java.util.Map.entry(EQ2, "残疾儿童少年入学率"),
            java.util.Map.entry(EQ3, "学校章程与管理信息化"),
            java.util.Map.entry(EQ4, "教师培训经费占比"),
            java.util.Map.entry(EQ5, "信息化教学应用"),
            java.util.Map.entry(EQ6, "德育和校园文化建设"),
            java.util.Map.entry(EQ7, "课程开设和教学秩序"),
            java.util.Map.entry(EQ8, "学生课业负担"),
            java.util.Map.entry(EQ9, "国家义务教育质量监测"),
            java.util.Map.entry(SR1, "社会认可度"),
            java.util.Map.entry(GG15_CARE, "留守儿童关爱体系"),
            java.util.Map.entry(EQ10, "落实“双减”政策"));

    public String englishName() {
        return englishName;
    }

    public IndicatorCategory category() {
        return category;
    }

    @Override
    public String label() {
        return chineseName;
    }

    /** For a {@code CV-RAk-*} code, the resource indicator RAk; empty otherwise. */
    public Optional<IndicatorCode> variedIndicator() {
        return Optional.ofNullable(varied);
    }

    /** For a {@code CV-RAk-*} code, the section set; empty otherwise. */
    public Optional<Section> section() {
        return Optional.ofNullable(section);
    }

    /** The code for a stable code string; the inverse of {@link #code()}. */
    @JsonCreator
    public static IndicatorCode fromCode(String code) {
        IndicatorCode indicator = BY_CODE.get(code);
        if (indicator == null) {
            throw new IllegalArgumentException("unknown indicator code: " + code);
        }
        return indicator;
    }

    /** {@code CV-RAk-P} or {@code CV-RAk-J} for resource indicator RAk (RA1–RA7) and a section. */
    public static IndicatorCode coefficientOfVariation(IndicatorCode resourceIndicator, Section section) {
        return Arrays.stream(values())
                .filter(cv -> cv.varied == resourceIndicator && cv.section == section)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no coefficient of variation for " + resourceIndicator.code));
    }

    /** All codes of one category, in the order of the standard. */
    public static List<IndicatorCode> ofCategory(IndicatorCategory category) {
        return Arrays.stream(values()).filter(indicator -> indicator.category == category).toList();
    }
}

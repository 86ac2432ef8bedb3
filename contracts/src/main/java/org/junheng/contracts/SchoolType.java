package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;

/** 学校类型 as reported in the intake form. */
@JsonClassDescription("学校类型 (school type)")
public enum SchoolType implements Labelled {
    PRIMARY("小学", List.of(Section.P), false),
    JUNIOR("初中", List.of(Section.J), false),
    NINE_YEAR("九年一贯制", List.of(Section.P, Section.J), false),
    TWELVE_YEAR("十二年一贯制", List.of(Section.P, Section.J), true),
    COMPLETE_SECONDARY("完全中学", List.of(Section.J), true),
    /** Teaches grades 1–9 but is outside the resource-allocation scope (STANDARD.md §1). */
    SPECIAL_EDUCATION("特殊教育学校", List.of(Section.P, Section.J), false),
    TEACHING_POINT("教学点", List.of(Section.P), false);

    private final String label;
    private final List<Section> sections;
    private final boolean seniorSection;

    SchoolType(String label, List<Section> sections, boolean seniorSection) {
        this.label = label;
        this.sections = sections;
        this.seniorSection = seniorSection;
    }

    @Override
    public String label() {
        return label;
    }

    /** The compulsory-education sections a school of this type reports. */
    public List<Section> sections() {
        return sections;
    }

    /** Whether senior-secondary pupils share the facilities, so facility quantities are apportioned (分摊). */
    public boolean hasSeniorSection() {
        return seniorSection;
    }
}

package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** The parts of the assessment standard (STANDARD.md §1–§5). */
@JsonClassDescription("指标类别 (indicator category)")
public enum IndicatorCategory implements Labelled {
    RESOURCE_ALLOCATION("资源配置"),
    COUNTY_BALANCE("校际均衡"),
    GOVERNMENT_GUARANTEE("政府保障程度"),
    EDUCATION_QUALITY("教育质量"),
    SOCIAL_RECOGNITION("社会认可度"),
    VETO("一票否决");

    private final String label;

    IndicatorCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/**
 * Where a survey's figures come from. Satisfaction (SR1) and quality monitoring (EQ9) are decided by the national
 * surveys; a result resting on the county's own survey is provisional.
 */
@JsonClassDescription("数据来源 (source of a survey figure)")
public enum FigureSource implements Labelled {
    NATIONAL("国家调查或监测"),
    PROVINCIAL("省级调查或监测"),
    SELF_SURVEY("区县自查");

    private final String label;

    FigureSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.junheng.contracts.Labelled;

/** A graded judgment, for items with a grade threshold (EQ6: 良好以上). */
@JsonClassDescription("评定等级 (grade)")
public enum AttestationGrade implements Labelled {
    EXCELLENT("优秀"),
    GOOD("良好"),
    PASSING("合格"),
    FAILING("不合格");

    private final String label;

    AttestationGrade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

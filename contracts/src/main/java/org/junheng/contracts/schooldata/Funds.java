package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import org.junheng.contracts.Nullable;

/**
 * A school's yearly budgets (元): inputs of EQ4 and, for small schools, GG6. Each may be left blank (null): EQ4 is
 * then “data missing” for the school.
 */
@JsonClassDescription("经费 (funds of one school year), yuan")
public record Funds(
        @Nullable @JsonPropertyDescription("年度公用经费预算总额; null when not reported") BigDecimal operatingFundBudget,
        @Nullable @JsonPropertyDescription("教师培训经费; null when not reported") BigDecimal teacherTrainingBudget,
        @Nullable @JsonPropertyDescription("核定公用经费的学生数; village schools and teaching points under 100 pupils only")
        Integer fundedPupils) {
}

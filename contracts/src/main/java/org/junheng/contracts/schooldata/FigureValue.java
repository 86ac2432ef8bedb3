package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import org.junheng.contracts.Nullable;

/** One number of a county figure set. */
@JsonClassDescription("县级数据项 (one value of a county figure set)")
public record FigureValue(
        @JsonPropertyDescription("one of the value keys of the figure set kind") String key,
        @Nullable @JsonPropertyDescription("what the value is about when a key repeats, e.g. the subject 数学 in "
                + "quality monitoring") String qualifier,
        BigDecimal value,
        @Nullable @JsonPropertyDescription("where the figure comes from (satisfaction and quality monitoring); absent:"
                + " not stated, read as the county's own survey") FigureSource source) {

    /** A value whose source is not stated. */
    public FigureValue(String key, @Nullable String qualifier, BigDecimal value) {
        this(key, qualifier, value, null);
    }
}

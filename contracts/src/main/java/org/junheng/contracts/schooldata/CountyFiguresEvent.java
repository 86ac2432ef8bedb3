package org.junheng.contracts.schooldata;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import org.junheng.contracts.Department;
import org.junheng.contracts.PublishedEvent;

/**
 * Figures a department owns at county level (人社, 财政, 公安 …); one stream per district, period and kind. A
 * resubmission replaces the previous set of the same kind.
 */
public sealed interface CountyFiguresEvent extends PublishedEvent {

    int period();

    CountyFigureSetKind kind();

    @Override
    default String messageKey() {
        return districtCode() + "/county";
    }

    @JsonClassDescription("县级数据报送: a department submits one county figure set for a reporting year")
    record CountyFiguresSubmitted(
            String districtCode,
            @JsonPropertyDescription("reporting year (统计年度)") int period,
            CountyFigureSetKind kind,
            @JsonPropertyDescription("the submitting department") Department department,
            List<FigureValue> values) implements CountyFiguresEvent {

        public CountyFiguresSubmitted {
            values = List.copyOf(values);
        }
    }
}

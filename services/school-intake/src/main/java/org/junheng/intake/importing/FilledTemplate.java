package org.junheng.intake.importing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * The template's rows filled with the figures on record (上年数据预填): one row per school section, exactly as the
 * import reads them back — section columns on each row, whole-school facilities and school columns on the school's
 * first row, retention on the 初中 row — so a school edits last year's file instead of typing it again.
 */
public final class FilledTemplate {

    private FilledTemplate() {
    }

    /** A school's figures on record, with the name the register holds. */
    public record SchoolFigures(String schoolCode, String schoolName, SchoolStatistics statistics) {
    }

    /** The rows in column order ({@link StatisticsColumn#inOrder()}), blank where the import expects a blank. */
    public static List<List<String>> rows(List<SchoolFigures> schools) {
        List<List<String>> rows = new ArrayList<>();
        for (SchoolFigures school : schools) {
            JsonNode statistics = PublishedEvents.JSON.valueToTree(school.statistics());
            List<SectionStatistics> sections = school.statistics().sections();
            for (int i = 0; i < sections.size(); i++) {
                SectionStatistics section = sections.get(i);
                JsonNode sectionNode = statistics.path("sections").path(i);
                boolean first = i == 0;
                Map<StatisticsColumn, String> row = new EnumMap<>(StatisticsColumn.class);
                for (StatisticsColumn column : StatisticsColumn.inOrder()) {
                    JsonNode value = switch (column.scope()) {
                        case IDENTITY -> null;
                        case SECTION -> sectionNode.at(pointer(column.path()));
                        case FACILITIES -> school.statistics().wholeSchoolFacilities() != null
                                ? (first ? statistics.path("wholeSchoolFacilities").at(pointer(column.path())) : null)
                                : sectionNode.path("facilities").at(pointer(column.path()));
                        case SCHOOL -> first ? statistics.at(pointer(column.path())) : null;
                        case RETENTION -> section.section() == org.junheng.contracts.Section.J
                                ? statistics.path("retentionCohort").at(pointer(column.path())) : null;
                    };
                    row.put(column, text(value));
                }
                row.put(StatisticsColumn.SCHOOL_CODE, school.schoolCode());
                row.put(StatisticsColumn.SCHOOL_NAME, school.schoolName());
                row.put(StatisticsColumn.SECTION, section.section().label());
                rows.add(StatisticsColumn.inOrder().stream().map(row::get).toList());
            }
        }
        return rows;
    }

    private static String pointer(String path) {
        return "/" + path.replace('.', '/');
    }

    /** A number as typed (no exponent, no trailing zeros), a list of areas as 97;77, nothing for absent. */
    private static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item)));
            return items.stream().collect(Collectors.joining(";"));
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }
}

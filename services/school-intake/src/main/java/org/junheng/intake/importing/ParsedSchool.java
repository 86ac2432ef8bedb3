package org.junheng.intake.importing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.eventsourcing.decider.Violation;

/**
 * One school of an imported file, ready for the domain validation, with the cell every field came from.
 *
 * @param schoolCode  学校标识码 (10 digits)
 * @param schoolName  the name as written in the file, to be checked against the register; empty when not given
 * @param statistics  the form, sections in P, J order
 * @param rows        the school's sheet rows, in file order
 * @param cellsByPath field path (as in {@code Violation.field}) → the cell it came from
 */
public record ParsedSchool(String schoolCode, String schoolName, SchoolStatistics statistics, List<Integer> rows,
                           Map<String, CellRef> cellsByPath) {

    private static final Pattern LIST_ELEMENT = Pattern.compile("(.+)\\[\\d+]");
    private static final String ANY_SECTION = "sections[]";

    public ParsedSchool {
        rows = List.copyOf(rows);
        cellsByPath = Collections.unmodifiableMap(new LinkedHashMap<>(cellsByPath));
    }

    /**
     * The cell a {@code Violation} field path points at: {@code sections[J].teachers.certified},
     * {@code funds.operatingFundBudget}, {@code wholeSchoolFacilities.equipmentBookValue}. Also understood: one
     * element of a list ({@code …musicRoomAreas[1]} → the list's cell), a group ({@code retentionCohort},
     * {@code sections[P].teachers.fullTimeByQualification} → its first cell) and an unnamed section
     * ({@code sections[].…} → the first section having it). Empty for a path with no cell in the file.
     */
    public Optional<CellRef> locate(String fieldPath) {
        if (fieldPath == null || fieldPath.isBlank()) {
            return Optional.empty();
        }
        String path = fieldPath.strip();
        if (path.startsWith(ANY_SECTION)) {
            for (Section section : Section.values()) {
                Optional<CellRef> cell = locate("sections[" + section.name() + "]" + path.substring(ANY_SECTION.length()));
                if (cell.isPresent()) {
                    return cell;
                }
            }
            return Optional.empty();
        }
        CellRef exact = cellsByPath.get(path);
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher element = LIST_ELEMENT.matcher(path);
        if (element.matches() && cellsByPath.containsKey(element.group(1))) {
            return Optional.of(cellsByPath.get(element.group(1)));
        }
        return cellsByPath.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(path + "."))
                .map(Map.Entry::getValue)
                .min(CellRef.SHEET_ORDER);
    }
}

package org.junheng.intake.importing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junheng.service.documents.ImportProblem;

/**
 * What {@link SheetReader} found in an uploaded file: where the template columns are, the non-blank data rows, and
 * the problems with the file and its header row.
 *
 * @param headerRow sheet row number of the header; 0 when none was found (unreadable or empty file)
 * @param columns   the template columns present in the file, with their position there
 * @param rows      data rows that have a value in at least one template column, in file order
 * @param problems  problems with the file or the header row; row-level checks are {@link RowMapper}'s
 */
public record SheetContent(int headerRow, Map<StatisticsColumn, FileColumn> columns, List<SheetRow> rows,
                           List<ImportProblem> problems) {

    /** A template column as found in the file: its letter there and its header as written. */
    public record FileColumn(String letter, String header) {
    }

    /**
     * One data row.
     *
     * @param number sheet row number as the user sees it
     * @param values trimmed cell text of the template columns present in the file; blank cells are absent
     */
    public record SheetRow(int number, Map<StatisticsColumn, String> values) {

        public SheetRow {
            values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(values));
        }

        /** The cell text, empty when blank or when the column is not in the file. */
        public String value(StatisticsColumn column) {
            return values.getOrDefault(column, "");
        }

        public boolean filled(StatisticsColumn column) {
            return !value(column).isEmpty();
        }
    }

    public SheetContent {
        columns = columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(columns));
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    static SheetContent unreadable(ImportProblem problem) {
        return new SheetContent(0, Map.of(), List.of(), List.of(problem));
    }

    public boolean hasColumn(StatisticsColumn column) {
        return columns.containsKey(column);
    }

    /** The cell of {@code column} in {@code row}, whether or not it has a value; empty when the column is absent. */
    public Optional<CellRef> cell(SheetRow row, StatisticsColumn column) {
        FileColumn position = columns.get(column);
        return position == null ? Optional.empty()
                : Optional.of(new CellRef(row.number(), position.letter(), position.header(), row.value(column)));
    }
}

package org.junheng.intake.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junheng.intake.importing.SheetContent.FileColumn;
import org.junheng.intake.importing.SheetContent.SheetRow;
import org.junheng.service.documents.SheetGrid;
import org.junheng.service.documents.ImportProblem;

/**
 * Reads an uploaded statistics file (XLSX, or CSV; {@link SheetGrid} reads the cells) into cell texts under the
 * template columns, and checks its header row. Never throws: an unreadable file comes back as a {@link SheetContent}
 * holding the problem.
 */
public final class SheetReader {

    /** A county has a few hundred school sections at most; a bigger file is a wrong file (or an attack). */
    static final int MAX_DATA_ROWS = 10_000;

    private static final Map<String, StatisticsColumn> COLUMNS_BY_HEADER = Arrays.stream(StatisticsColumn.values())
            .collect(Collectors.toMap(column -> headerKey(column.header()), Function.identity()));

    private SheetReader() {
    }

    /**
     * @param content  the uploaded bytes
     * @param fileName the file name as uploaded, only to name the file in problems; may be null
     */
    public static SheetContent read(byte[] content, String fileName) {
        String name = fileName == null ? "" : fileName;
        try {
            return analyse(SheetGrid.read(content, ImportTemplate.DATA_SHEET_NAME, MAX_DATA_ROWS), name);
        } catch (SheetGrid.Unreadable e) {
            return SheetContent.unreadable(fileProblem(name, e.getMessage()));
        }
    }

    private static ImportProblem fileProblem(String fileName, String reason) {
        return new ImportProblem(0, "", "", fileName, reason);
    }

    // ---------------------------------------------------------------- header row and data rows

    /** How headers compare: full-width/half-width, m²/m2, spaces and letter case do not matter. */
    private static String headerKey(String header) {
        return CellParsing.normalise(header).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static SheetContent analyse(SheetGrid.Grid grid, String fileName) {
        if (grid.rows().isEmpty()) {
            return SheetContent.unreadable(fileProblem(fileName, SheetGrid.EMPTY_FILE));
        }
        SheetGrid.Row header = grid.rows().get(0);
        List<ImportProblem> problems = new ArrayList<>();
        Map<StatisticsColumn, FileColumn> columns = new EnumMap<>(StatisticsColumn.class);
        Map<StatisticsColumn, Integer> indexes = new EnumMap<>(StatisticsColumn.class);
        List<ImportProblem> unknown = new ArrayList<>();
        for (int index = 0; index < header.cells().size(); index++) {
            String text = header.cell(index);
            if (text.isEmpty()) {
                continue;
            }
            String letter = SheetGrid.letter(index);
            StatisticsColumn column = COLUMNS_BY_HEADER.get(headerKey(text));
            if (column == null) {
                unknown.add(new ImportProblem(header.number(), letter, text, text, Reasons.UNKNOWN_COLUMN));
            } else if (columns.containsKey(column)) {
                problems.add(new ImportProblem(header.number(), letter, text, text,
                        Reasons.duplicateColumn(columns.get(column).letter())));
            } else {
                columns.put(column, new FileColumn(letter, text));
                indexes.put(column, index);
            }
        }
        if (columns.isEmpty()) {
            // not a header with a few typos but no header at all: one problem says more than forty
            return SheetContent.unreadable(new ImportProblem(header.number(), "", "", header.cell(0), Reasons.NO_HEADER));
        }
        problems.addAll(unknown);
        problems.addAll(missingColumns(header.number(), columns));

        List<SheetRow> rows = new ArrayList<>();
        TreeSet<Integer> dataWithoutHeader = new TreeSet<>();
        for (SheetGrid.Row row : grid.rows().subList(1, grid.rows().size())) {
            Map<StatisticsColumn, String> values = new EnumMap<>(StatisticsColumn.class);
            indexes.forEach((column, index) -> {
                String value = row.cell(index);
                if (!value.isEmpty()) {
                    values.put(column, value);
                }
            });
            for (int index = 0; index < row.cells().size(); index++) {
                if (!row.cell(index).isEmpty() && header.cell(index).isEmpty()) {
                    dataWithoutHeader.add(index);
                }
            }
            // a row with values only outside the template columns is covered by the header problems
            if (!values.isEmpty()) {
                rows.add(new SheetRow(row.number(), values));
            }
        }
        for (int index : dataWithoutHeader) {
            problems.add(new ImportProblem(header.number(), SheetGrid.letter(index), "", "",
                    Reasons.DATA_WITHOUT_HEADER));
        }
        if (grid.truncated()) {
            problems.add(fileProblem(fileName, Reasons.TOO_MANY_ROWS));
        }
        return new SheetContent(header.number(), columns, rows, problems);
    }

    private static List<ImportProblem> missingColumns(int headerRow, Map<StatisticsColumn, FileColumn> present) {
        List<ImportProblem> problems = new ArrayList<>();
        boolean anyRetention = present.keySet().stream().anyMatch(c -> c.scope() == StatisticsColumn.Scope.RETENTION);
        for (StatisticsColumn column : StatisticsColumn.values()) {
            if (present.containsKey(column)) {
                continue;
            }
            if (column.required()) {
                problems.add(new ImportProblem(headerRow, "", column.header(), "", Reasons.MISSING_COLUMN));
            } else if (anyRetention && column.scope() == StatisticsColumn.Scope.RETENTION) {
                problems.add(new ImportProblem(headerRow, "", column.header(), "", Reasons.MISSING_RETENTION_COLUMN));
            }
        }
        return problems;
    }
}

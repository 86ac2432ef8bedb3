package org.junheng.intake.importing;

import java.util.Comparator;

/**
 * One thing wrong with an uploaded statistics file, pointing at the cell to fix.
 *
 * @param row    sheet row number as the user sees it (the header is normally row 1); 0 for a problem with the whole file
 * @param column column letter (A, B, … AA); empty when the problem is not about one column (a missing column, an
 *               unreadable file)
 * @param header the column's header as written in the file, or the template header of a missing column; may be empty
 * @param value  the cell text as written (trimmed); empty for a blank cell
 * @param reason Chinese explanation with English in parentheses, e.g. {@code 不是数字 (not a number)}
 */
public record ImportProblem(int row, String column, String header, String value, String reason) {

    /** Row, then column in sheet order (B before AA), then the order the problems were found in. */
    public static final Comparator<ImportProblem> SHEET_ORDER = Comparator.comparingInt(ImportProblem::row)
            .thenComparingInt(problem -> problem.column().length())
            .thenComparing(ImportProblem::column);

    public ImportProblem {
        column = column == null ? "" : column;
        header = header == null ? "" : header;
        value = value == null ? "" : value;
    }

    static ImportProblem ofFile(String reason) {
        return new ImportProblem(0, "", "", "", reason);
    }

    static ImportProblem at(CellRef cell, String reason) {
        return new ImportProblem(cell.row(), cell.column(), cell.header(), cell.value(), reason);
    }
}

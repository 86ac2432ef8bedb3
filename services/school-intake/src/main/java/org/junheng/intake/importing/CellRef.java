package org.junheng.intake.importing;

import java.util.Comparator;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.service.documents.ImportProblem;

/**
 * Where a value of the uploaded file came from, so that a domain {@code Violation} can be shown on its cell.
 *
 * @param row    sheet row number as the user sees it (the header is normally row 1)
 * @param column column letter in the uploaded file (which may order columns differently from the template)
 * @param header the column's header as written in the file
 * @param value  the cell text as written (trimmed); empty for a blank cell
 */
public record CellRef(int row, String column, String header, String value) {

    /** Row, then column in sheet order (B before AA). */
    public static final Comparator<CellRef> SHEET_ORDER = Comparator.comparingInt(CellRef::row)
            .thenComparingInt(cell -> cell.column().length())
            .thenComparing(CellRef::column);

    /** A problem at this cell. */
    public ImportProblem problem(String reason) {
        return new ImportProblem(row, column, header, value, reason);
    }
}

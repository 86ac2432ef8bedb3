package org.junheng.service.documents;

import java.util.Comparator;
import java.util.List;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * One thing wrong with an uploaded spreadsheet, pointing at the cell to fix: the error element of every import's
 * RFC 9457 answer.
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

    /** A problem with the whole file (unreadable, empty, no data rows). */
    public static ImportProblem ofFile(String reason) {
        return new ImportProblem(0, "", "", "", reason);
    }

    /** The file refused (422 {@code import-rejected}) with every problem at its row and column; nothing is stored. */
    public static Refusal rejected(List<ImportProblem> problems) {
        return new Refusal(Refusal.Kind.UNPROCESSABLE, "import-rejected",
                "导入被拒绝，未保存任何数据 (import rejected; nothing was stored)", detail(problems), problems);
    }

    /** 文件中有3处问题 (3 problem(s) in the file). */
    public static String detail(List<ImportProblem> problems) {
        return "文件中有" + problems.size() + "处问题 (" + problems.size() + " problem(s) in the file)";
    }
}

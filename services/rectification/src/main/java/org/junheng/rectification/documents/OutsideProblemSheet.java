package org.junheng.rectification.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junheng.contracts.Nullable;
import org.junheng.rectification.lifecycle.OutsideProblems;
import org.junheng.rectification.lifecycle.OutsideProblems.Field;
import org.junheng.service.documents.ImportProblem;
import org.junheng.service.documents.SheetGrid;

/**
 * The 外部问题清单 as a spreadsheet: the template (one row per item, the columns of {@link Field}, and a 填表说明
 * sheet) and the reading of a filled one into the same items the JSON gives, each remembering its row so that every
 * problem names the cell to fix.
 */
public final class OutsideProblemSheet {

    public static final String DATA_SHEET = "问题清单";
    private static final int MAX_ROWS = OutsideProblems.MAX_ITEMS;
    private static final List<Field> REQUIRED = List.of(Field.NUMBER, Field.INDICATOR, Field.DESCRIPTION);

    /** The items read, the sheet row of each, the column of each field, and the file's own problems. */
    public record Read(List<OutsideProblems.RawItem> items, List<Integer> rows, Map<Field, String> columns,
                       List<ImportProblem> problems) {

        /** The list's problems at their cells: item → its row, field → its column and heading. */
        public List<ImportProblem> cellProblems(List<OutsideProblems.Problem> listProblems) {
            List<ImportProblem> cells = new ArrayList<>();
            for (OutsideProblems.Problem problem : listProblems) {
                if (problem.index() < 0) {
                    cells.add(ImportProblem.ofFile(problem.reason()));
                    continue;
                }
                Field field = field(problem.field());
                int row = rows.get(problem.index());
                String column = field == null ? "" : columns.getOrDefault(field, "");
                cells.add(new ImportProblem(row, column, field == null ? "" : field.header(), problem.value(),
                        problem.reason()));
            }
            cells.sort(ImportProblem.SHEET_ORDER);
            return cells;
        }

        private static @Nullable Field field(String json) {
            for (Field field : Field.values()) {
                if (field.json().equals(json)) {
                    return field;
                }
            }
            return null;
        }
    }

    private OutsideProblemSheet() {
    }

    public static Read read(byte[] content, @Nullable String fileName) {
        String name = fileName == null ? "" : fileName;
        SheetGrid.Grid grid;
        try {
            grid = SheetGrid.read(content, DATA_SHEET, MAX_ROWS);
        } catch (SheetGrid.Unreadable e) {
            return failed(new ImportProblem(0, "", "", name, e.getMessage()));
        }
        if (grid.rows().isEmpty()) {
            return failed(new ImportProblem(0, "", "", name, SheetGrid.EMPTY_FILE));
        }
        SheetGrid.Row header = grid.rows().get(0);
        Map<Field, Integer> indexes = new EnumMap<>(Field.class);
        Map<Field, String> columns = new EnumMap<>(Field.class);
        List<ImportProblem> problems = new ArrayList<>();
        for (int index = 0; index < header.cells().size(); index++) {
            String text = header.cell(index);
            if (text.isEmpty()) {
                continue;
            }
            Field field = byHeader(text);
            String letter = SheetGrid.letter(index);
            if (field == null) {
                problems.add(new ImportProblem(header.number(), letter, text, text,
                        "无法识别的列，请使用模板的表头 (unknown column: use the template headers)"));
            } else if (indexes.containsKey(field)) {
                problems.add(new ImportProblem(header.number(), letter, text, text,
                        "列重复，与" + columns.get(field) + "列相同 (duplicate column)"));
            } else {
                indexes.put(field, index);
                columns.put(field, letter);
            }
        }
        if (indexes.isEmpty()) {
            return failed(new ImportProblem(header.number(), "", "", header.cell(0),
                    "未找到表头：第一个非空行不是模板的表头 (no header: the first non-blank row is not the template header)"));
        }
        for (Field field : REQUIRED) {
            if (!indexes.containsKey(field)) {
                problems.add(new ImportProblem(header.number(), "", field.header(), "", "缺少必填列 (required column missing)"));
            }
        }
        if (grid.truncated()) {
            problems.add(new ImportProblem(0, "", "", name, "条目过多，最多 " + MAX_ROWS + " 条 (too many rows)"));
        }
        List<OutsideProblems.RawItem> items = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (SheetGrid.Row row : grid.rows().subList(1, grid.rows().size())) {
            items.add(new OutsideProblems.RawItem(cell(row, indexes, Field.NUMBER), cell(row, indexes, Field.INDICATOR),
                    cell(row, indexes, Field.SCHOOL_CODE), cell(row, indexes, Field.SCHOOL_NAME),
                    cell(row, indexes, Field.DESCRIPTION), cell(row, indexes, Field.LEAD),
                    cell(row, indexes, Field.DUE)));
            rows.add(row.number());
        }
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(0, "", "", name, "没有数据行 (no data rows)"));
        }
        return new Read(items, rows, columns, problems);
    }

    /** The template: the columns with one example row, and how to fill them in. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = workbook.createSheet(DATA_SHEET);
            Row header = data.createRow(0);
            for (Field field : Field.values()) {
                var cell = header.createCell(field.ordinal());
                cell.setCellValue(field.header());
                cell.setCellStyle(bold);
                data.setColumnWidth(field.ordinal(), (field == Field.DESCRIPTION ? 48 : 16) * 256);
            }
            Sheet help = workbook.createSheet("填表说明");
            List<String> lines = List.of(
                    "每行一条问题，第一行为表头，请勿修改表头。",
                    "示例：1 | GG5 | 2150473309 | 重庆市大渡口区钢花小学 | 四年级3个班超过45人 | jw | 2025-12-31",
                    "问题来源（市级督导评估反馈、国家认定反馈、督学检查、群众反映）、文号和日期在导入页面填写，整张清单共用。",
                    "序号：必填，清单中的序号（正整数，不重复）；同一清单再次导入不会重复立项。",
                    "指标代码：必填，如RA5、GG13、EQ4、V2，决定默认牵头单位和整改期限。",
                    "学校标识码、学校名称：学校问题两者都填（10位标识码）；全区问题两者都不填。",
                    "问题描述：必填，不超过" + OutsideProblems.MAX_DESCRIPTION + "字。",
                    "牵头单位代码：选填，本区责任分工中的单位代码或名称（如jw或区教委）；不填按责任分工。",
                    "整改期限：选填，如2025-12-31；不填按创建工作安排（先硬件后软件）。",
                    "有错误时整张清单不导入，并逐项指出行号和列。");
            for (int i = 0; i < lines.size(); i++) {
                help.createRow(i).createCell(0).setCellValue(lines.get(i));
            }
            help.setColumnWidth(0, 110 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Read failed(ImportProblem problem) {
        return new Read(List.of(), List.of(), Map.of(), List.of(problem));
    }

    private static @Nullable String cell(SheetGrid.Row row, Map<Field, Integer> indexes, Field field) {
        Integer index = indexes.get(field);
        if (index == null) {
            return null;
        }
        String text = row.cell(index);
        return text.isEmpty() ? null : text;
    }

    /** Headings compare without spaces and letter case; 牵头单位 is taken for 牵头单位代码. */
    private static @Nullable Field byHeader(String text) {
        String key = text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        for (Field field : Field.values()) {
            if (field.header().toLowerCase(Locale.ROOT).equals(key)) {
                return field;
            }
        }
        return key.equals("牵头单位") ? Field.LEAD : null;
    }
}

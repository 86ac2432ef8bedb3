package org.junheng.intake.importing;

import static java.util.Map.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable import template: an XLSX with the data sheet and the filling instructions, and a CSV with the header
 * row only. Both are built from {@link StatisticsColumn}, so the template and the reader cannot drift apart.
 */
public final class ImportTemplate {

    public static final String DATA_SHEET_NAME = "学校年度统计";
    public static final String INSTRUCTIONS_SHEET_NAME = "填表说明";

    /** Rows prepared with drop-downs and number checks; far more than any county has school sections. */
    static final int PREPARED_ROWS = 2000;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a column means and its unit, for the instructions sheet and the header comments. */
    record ColumnHelp(String meaning, String unit) {
    }

    static final Map<StatisticsColumn, ColumnHelp> HELP = Map.ofEntries(
            entry(StatisticsColumn.SCHOOL_CODE, new ColumnHelp("国家学校标识码，10位数字（不是统一社会信用代码）", "—")),
            entry(StatisticsColumn.SCHOOL_NAME, new ColumnHelp("学校全称，用于与学校名录核对", "—")),
            entry(StatisticsColumn.SECTION, new ColumnHelp("本行填报的学段：小学 或 初中", "—")),
            entry(StatisticsColumn.PUPILS, new ColumnHelp("本学段在校生数", "人")),
            entry(StatisticsColumn.CLASSES, new ColumnHelp("本学段班级数", "个")),
            entry(StatisticsColumn.LARGEST_CLASS_SIZE, new ColumnHelp("本学段人数最多的班级的学生数", "人")),
            entry(StatisticsColumn.MIGRANT_PUPILS, new ColumnHelp("本学段在校生中的随迁子女数", "人")),
            entry(StatisticsColumn.IN_CATCHMENT_PUPILS, new ColumnHelp("本学段在校生中按划片范围就近入学的学生数", "人")),
            entry(StatisticsColumn.TEACHERS_HIGH_SCHOOL_OR_BELOW, new ColumnHelp("本学段最高学历为高中及以下的专任教师数", "人")),
            entry(StatisticsColumn.TEACHERS_ASSOCIATE, new ColumnHelp("本学段最高学历为专科的专任教师数", "人")),
            entry(StatisticsColumn.TEACHERS_BACHELOR, new ColumnHelp("本学段最高学历为本科的专任教师数", "人")),
            entry(StatisticsColumn.TEACHERS_MASTER, new ColumnHelp("本学段最高学历为硕士的专任教师数", "人")),
            entry(StatisticsColumn.TEACHERS_DOCTORATE, new ColumnHelp("本学段最高学历为博士的专任教师数", "人")),
            entry(StatisticsColumn.CERTIFIED_TEACHERS, new ColumnHelp("本学段持有教师资格证的专任教师数", "人")),
            entry(StatisticsColumn.KEY_TEACHERS, new ColumnHelp("本学段县级及以上骨干教师数", "人")),
            entry(StatisticsColumn.PE_TEACHERS, new ColumnHelp("本学段体育专任教师数", "人")),
            entry(StatisticsColumn.MUSIC_TEACHERS, new ColumnHelp("本学段音乐专任教师数", "人")),
            entry(StatisticsColumn.FINE_ART_TEACHERS, new ColumnHelp("本学段美术专任教师数", "人")),
            entry(StatisticsColumn.ARTS_TEACHERS, new ColumnHelp("本学段综合艺术专任教师数", "人")),
            entry(StatisticsColumn.ROTATING_PE_ARTS_TEACHERS,
                    new ColumnHelp("交流轮岗、兼职、走教的体育艺术教师数（仅乡村小规模学校计入）；无则留空", "人")),
            entry(StatisticsColumn.TRAINED_TEACHERS, new ColumnHelp("本学段5年内完成360学时培训的教师数", "人")),
            entry(StatisticsColumn.TEACHING_AREA, new ColumnHelp("教学及辅助用房建筑面积（含室内体育用房）", "m²")),
            entry(StatisticsColumn.INDOOR_SPORTS_AREA, new ColumnHelp("室内体育用房面积（计算生均教学及辅助用房时扣除）", "m²")),
            entry(StatisticsColumn.GYMNASIUM_AREA, new ColumnHelp("体育馆面积", "m²")),
            entry(StatisticsColumn.SPORTS_GROUND_AREA, new ColumnHelp("校内运动场地面积", "m²")),
            entry(StatisticsColumn.LEASED_SPORTS_AREA, new ColumnHelp(
                    "仅人口密度过高的大城市中心城区学校：改造的屋顶、地下体育场地及政府租用的步行10分钟内校外场馆面积；其他学校留空", "m²")),
            entry(StatisticsColumn.EQUIPMENT_VALUE, new ColumnHelp("教学仪器设备账面原值", "元")),
            entry(StatisticsColumn.MULTIMEDIA_CLASSROOMS, new ColumnHelp("网络多媒体教室数", "间")),
            entry(StatisticsColumn.MUSIC_ROOM_AREAS, new ColumnHelp("每间音乐专用教室的面积，以;分隔，如 96;90；无则留空", "m²")),
            entry(StatisticsColumn.ART_ROOM_AREAS, new ColumnHelp("每间美术专用教室的面积，以;分隔，如 90;90；无则留空", "m²")),
            entry(StatisticsColumn.SENIOR_PUPILS, new ColumnHelp(
                    "完全中学、十二年一贯制学校的高中在校生数（与高中共用的办学条件据此分摊）；其他学校留空", "人")),
            entry(StatisticsColumn.OPERATING_FUND_BUDGET, new ColumnHelp("年度公用经费预算总额", "元")),
            entry(StatisticsColumn.TRAINING_BUDGET, new ColumnHelp("年度教师培训经费", "元")),
            entry(StatisticsColumn.FUNDED_PUPILS, new ColumnHelp(
                    "仅不足100名学生的村小学和教学点：核定公用经费的学生数；其他学校留空", "人")),
            entry(StatisticsColumn.COHORT_ENTRY_YEAR, new ColumnHelp("本统计年度毕业的初中学生七年级入学的年份，如 2021", "年")),
            entry(StatisticsColumn.COHORT_GRADE7, new ColumnHelp("该届学生七年级入学人数", "人")),
            entry(StatisticsColumn.COHORT_GRADUATES, new ColumnHelp("该届学生毕业人数", "人")),
            entry(StatisticsColumn.COHORT_TRANSFERS_IN, new ColumnHelp("该届学生三年内转入人数", "人")),
            entry(StatisticsColumn.COHORT_TRANSFERS_OUT, new ColumnHelp("该届学生三年内转出人数", "人")),
            entry(StatisticsColumn.COHORT_DEATHS, new ColumnHelp("该届学生三年内死亡人数", "人")));

    /** The rules of the instructions sheet, in the order a person fills the form. */
    static final List<String> RULES = List.of(
            "每个学校的每个学段填一行：小学填“小学”行，初中填“初中”行；九年一贯制、十二年一贯制学校填两行，同一学校的各行学校标识码相同。"
                    + "(One row per school section; schools spanning sections fill one row per section.)",
            "学校标识码为10位国家学校标识码；该列已设为文本格式，请勿改为数字格式。"
                    + "(The school code is the 10-digit national 学校标识码.)",
            "一贯制学校、完全中学的办学条件（" + StatisticsColumn.TEACHING_AREA.header() + "至"
                    + StatisticsColumn.ART_ROOM_AREAS.header() + "）二选一："
                    + "(1) 每个学段行分别填写该学段的数值；(2) 只在该校第一行填写全校数值、其他行留空，由系统按加权学生数分摊"
                    + "（九年一贯制 小学:初中 = 1:1.1；完全中学 初中:高中 = 1:1.2）。只有一行的学校，填写了高中在校生数的视为全校数值并分摊，否则视为该学段的数值。"
                    + "(Facilities: either split on every section row, or whole-school on the school's first row only.)",
            "学校级的列（" + StatisticsColumn.SENIOR_PUPILS.header() + "至" + StatisticsColumn.FUNDED_PUPILS.header()
                    + "）填在该校第一行，其他行留空或填相同数值。(School-level columns go on the school's first row.)",
            "巩固率各列填在初中行，小学行留空；填写则各列都须填写，无则填0。(Retention columns go on the 初中 row.)",
            "金额以元为单位（不是万元），面积以平方米为单位（不是万平方米），最多两位小数；人数、班数、间数为整数。"
                    + "(Amounts in 元, not 万元; areas in m², not 万m².)",
            "请勿修改、增加或删除表头，请勿合并单元格；橙色表头的列为必填，灰色表头的列按说明选填。"
                    + "(Keep the header row; orange headers are required.)",
            "可直接上传本 .xlsx 文件，也可另存为“CSV UTF-8（逗号分隔）”后上传。(Upload this .xlsx, or save it as CSV UTF-8.)");

    private ImportTemplate() {
    }

    /** The XLSX template: data sheet {@value #DATA_SHEET_NAME} and instructions sheet {@value #INSTRUCTIONS_SHEET_NAME}. */
    public static byte[] xlsx() {
        return xlsx(List.of());
    }

    /** The template with rows filled in ({@link FilledTemplate}): numbers as numbers, codes as text. */
    public static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            buildDataSheet(workbook);
            fill(workbook.getSheet(DATA_SHEET_NAME), rows);
            buildInstructionsSheet(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    /** The CSV template: UTF-8 with BOM, so that Excel opens the Chinese headers correctly; header row only. */
    public static byte[] csv() {
        return csv(List.of());
    }

    /** The CSV template with rows filled in ({@link FilledTemplate}). */
    public static byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(StatisticsColumn.inOrder().stream().map(StatisticsColumn::header));
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void fill(Sheet sheet, List<List<String>> rows) {
        List<StatisticsColumn> columns = StatisticsColumn.inOrder();
        for (int r = 0; r < rows.size(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                String value = rows.get(r).get(c);
                if (value == null || value.isEmpty()) {
                    continue;
                }
                boolean number = columns.get(c).scope() != StatisticsColumn.Scope.IDENTITY
                        && value.matches("-?\\d+(\\.\\d+)?");
                if (number) {
                    row.createCell(c).setCellValue(Double.parseDouble(value));
                } else {
                    row.createCell(c).setCellValue(value);
                }
            }
        }
    }

    /** 必填, or when and where a column is to be filled. */
    static String requirement(StatisticsColumn column) {
        if (column.blank() == StatisticsColumn.Blank.NOT_REPORTED) {
            String missing = "选填，不填则相关指标记为“数据未报送”";
            return column.scope() == StatisticsColumn.Scope.SCHOOL ? missing + "（该校第一行）" : missing;
        }
        return switch (column.scope()) {
            case IDENTITY, SECTION -> column.required() ? "必填" : "选填";
            case FACILITIES -> column.required() ? "必填（填写办学条件的行）" : "选填";
            case SCHOOL -> column.required() ? "必填（该校第一行）" : "选填（该校第一行）";
            case RETENTION -> "初中行选填，填写则巩固率各列都须填写";
        };
    }

    // ---------------------------------------------------------------- data sheet

    private static void buildDataSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(DATA_SHEET_NAME);
        CellStyle required = headerStyle(workbook, IndexedColors.LIGHT_ORANGE);
        CellStyle optional = headerStyle(workbook, IndexedColors.GREY_25_PERCENT);
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        Drawing<?> drawing = sheet.createDrawingPatriarch();

        Row header = sheet.createRow(0);
        header.setHeightInPoints(48);
        for (StatisticsColumn column : StatisticsColumn.inOrder()) {
            int index = column.ordinal();
            var cell = header.createCell(index);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? required : optional);
            cell.setCellComment(comment(workbook, drawing, index, column));
            sheet.setColumnWidth(index, width(column));
            // text, so that Excel neither turns a school code into 5.00104E+09 nor "96,90" into 9690
            if (column.kind() == StatisticsColumn.Kind.CODE || column.kind() == StatisticsColumn.Kind.AREA_LIST) {
                sheet.setDefaultColumnStyle(index, text);
            }
        }
        sheet.createFreezePane(3, 1); // header row and the identifying columns stay visible
        sheet.getPrintSetup().setLandscape(true);
        addValidations(sheet);
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors fill) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(fill.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static Comment comment(XSSFWorkbook workbook, Drawing<?> drawing, int index, StatisticsColumn column) {
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(index);
        anchor.setCol2(index + 3);
        anchor.setRow1(1);
        anchor.setRow2(5);
        Comment comment = drawing.createCellComment(anchor);
        ColumnHelp help = HELP.get(column);
        comment.setString(workbook.getCreationHelper().createRichTextString(
                requirement(column) + "：" + help.meaning() + ("—".equals(help.unit()) ? "" : "（单位：" + help.unit() + "）")));
        return comment;
    }

    /** Wide enough for the header wrapped over two lines; a CJK character is about two width units. */
    private static int width(StatisticsColumn column) {
        if (column == StatisticsColumn.SCHOOL_NAME) {
            return 30 * 256;
        }
        int units = column.header().codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
        return Math.max(14, Math.min(24, units / 2 + 3)) * 256;
    }

    private static void addValidations(Sheet sheet) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (StatisticsColumn column : StatisticsColumn.inOrder()) {
            DataValidationConstraint constraint = switch (column.kind()) {
                case SECTION -> helper.createExplicitListConstraint(new String[] {"小学", "初中"});
                case COUNT -> helper.createIntegerConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                case AREA, MONEY -> helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                case YEAR -> helper.createIntegerConstraint(OperatorType.BETWEEN, "1000", "9999");
                case CODE, TEXT, AREA_LIST -> null;
            };
            if (constraint == null) {
                continue;
            }
            int index = column.ordinal();
            DataValidation validation = helper.createValidation(constraint,
                    new CellRangeAddressList(1, PREPARED_ROWS, index, index));
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("填写有误", switch (column.kind()) {
                case SECTION -> "请选择 小学 或 初中";
                case COUNT -> "请填写不小于0的整数";
                case YEAR -> "请填写四位年份，如 2021";
                default -> "请填写不小于0的数，最多两位小数";
            });
            // XSSF inverts this flag: true shows the drop-down arrow of a list
            validation.setSuppressDropDownArrow(column.kind() == StatisticsColumn.Kind.SECTION);
            sheet.addValidationData(validation);
        }
    }

    // ---------------------------------------------------------------- instructions sheet

    private static void buildInstructionsSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet(INSTRUCTIONS_SHEET_NAME);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle title = workbook.createCellStyle();
        title.setFont(bold);
        CellStyle wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);

        int rowIndex = 0;
        sheet.createRow(rowIndex++).createCell(0).setCellValue("填表说明 (How to fill in the template)");
        sheet.getRow(0).getCell(0).setCellStyle(title);
        for (int i = 0; i < RULES.size(); i++) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(Integer.toString(i + 1));
            row.getCell(0).setCellStyle(wrapped);
            var rule = row.createCell(1);
            rule.setCellValue(RULES.get(i));
            rule.setCellStyle(wrapped);
        }
        rowIndex++;
        Row tableHeader = sheet.createRow(rowIndex++);
        List<String> headings = List.of("列 (column)", "表头 (header)", "含义 (meaning)", "单位 (unit)", "是否必填 (required)");
        for (int i = 0; i < headings.size(); i++) {
            tableHeader.createCell(i).setCellValue(headings.get(i));
            tableHeader.getCell(i).setCellStyle(title);
        }
        for (StatisticsColumn column : StatisticsColumn.inOrder()) {
            Row row = sheet.createRow(rowIndex++);
            ColumnHelp help = HELP.get(column);
            row.createCell(0).setCellValue(column.letter());
            row.createCell(1).setCellValue(column.header());
            row.createCell(2).setCellValue(help.meaning());
            row.createCell(3).setCellValue(help.unit());
            row.createCell(4).setCellValue(requirement(column));
            for (int i = 1; i <= 4; i++) {
                row.getCell(i).setCellStyle(wrapped);
            }
        }
        int[] widths = {12, 40, 60, 12, 30};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        // the rules are long sentences: merge them across the table's width so they read as paragraphs
        // rendered text runs wider than the nominal character widths: leave a fifth of each line spare
        int unitsPerLine = (widths[1] + widths[2] + widths[3] + widths[4]) * 4 / 5;
        for (int i = 1; i <= RULES.size(); i++) {
            sheet.addMergedRegion(new CellRangeAddress(i, i, 1, 4));
            int units = RULES.get(i - 1).codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
            sheet.getRow(i).setHeightInPoints(16 * (units / unitsPerLine + 1) + 4);
        }
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }
}

package org.junheng.evaluation.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junheng.contracts.IndicatorCode;
import org.junheng.service.documents.WordDocument;

/**
 * The ledgers as an XLSX workbook a county office prints: sheet 已达标台账 and sheet 未达标台账, each with its title and
 * the moment it was computed for, a unit beside every measured and required value (the last column the measured
 * value exactly, as text, for other systems to check), and A4 landscape print setup — all columns on one page width,
 * the header row repeated on every page.
 */
public final class LedgerWorkbook {

    public static final String MET_SHEET = "已达标台账";
    public static final String UNMET_SHEET = "未达标台账";
    /** Rows 1–2 are the title and the date line; the column headers are row 3 (index 2). */
    public static final int HEADER_ROW = 2;
    static final List<String> HEADERS = List.of("序号", "学校标识码", "学校名称", "学段", "指标代码", "指标名称",
            "测算值", "标准值", "计量单位", "状态", "问题等级", "差距说明", "责任单位", "整改期限", "整改进展", "问题编号",
            "测算值（精确值）");
    private static final int[] WIDTHS = {6, 13, 30, 6, 10, 26, 10, 10, 9, 10, 14, 44, 14, 12, 14, 10, 18};

    private LedgerWorkbook() {
    }

    /**
     * @param units the unit of an indicator's values (m², 人, %), empty for counts and attested items
     * @param steps each finding's rectification as it stood at the same moment (责任单位, 整改期限, 进展)
     * @param computedAt the moment the ledger stands at (its as-of, else when it was read)
     */
    public static byte[] write(LedgerQueries.Ledger ledger, Function<IndicatorCode, String> units,
                               java.util.Map<java.util.UUID, LedgerQueries.TaskStep> steps, Instant computedAt) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String when = "数据截至 " + WordDocument.time(ledger.asOf() == null ? computedAt : ledger.asOf())
                    + "（北京时间）　统计年度 " + ledger.period() + "　标准 " + (ledger.standardVersion() == null ? ""
                    : ledger.standardVersion()) + "　区县代码 " + ledger.districtCode();
            sheet(workbook, MET_SHEET, "义务教育优质均衡发展已达标指标台账", when, styles, units, steps,
                    ledger.lines().stream().filter(LedgerLine::met).toList());
            sheet(workbook, UNMET_SHEET, "义务教育优质均衡发展未达标问题台账", when, styles, units, steps,
                    ledger.lines().stream().filter(line -> !line.met()).toList());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle title, CellStyle header, CellStyle cell) {
        Styles(XSSFWorkbook workbook) {
            this(workbook.createCellStyle(), workbook.createCellStyle(), workbook.createCellStyle());
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            for (CellStyle style : List.of(header, cell)) {
                style.setBorderTop(BorderStyle.THIN);
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderLeft(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
            }
            cell.setWrapText(true);
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, String title, String when, Styles styles,
                              Function<IndicatorCode, String> units,
                              java.util.Map<java.util.UUID, LedgerQueries.TaskStep> steps, List<LedgerLine> lines) {
        Sheet sheet = workbook.createSheet(name);
        Row titleRow = sheet.createRow(0);
        titleRow.createCell(0).setCellValue(title);
        titleRow.getCell(0).setCellStyle(styles.title());
        titleRow.setHeightInPoints(26);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
        sheet.createRow(1).createCell(0).setCellValue(when);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADERS.size() - 1));
        Row head = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < HEADERS.size(); i++) {
            head.createCell(i).setCellValue(HEADERS.get(i));
            head.getCell(i).setCellStyle(styles.header());
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int n = 1;
        for (LedgerLine line : lines) {
            Row row = sheet.createRow(HEADER_ROW + n);
            LedgerQueries.TaskStep step = steps.get(line.findingId());
            List<Object> values = List.of(n, text(line.schoolCode()),
                    line.schoolName() == null ? "全区（县域）" : line.schoolName(),
                    line.section() == null ? "" : line.section().label(), line.indicator().code(), line.indicatorName(),
                    line.measured() == null ? "" : line.measured().doubleValue(),
                    line.required() == null ? "" : line.required().doubleValue(), text(units.apply(line.indicator())),
                    line.status().label(), line.severity() == null ? "" : line.severity().label(), text(line.gap()),
                    step == null ? "" : step.leadName(), step == null ? "" : step.dueDate().toString(),
                    step == null ? "" : step.step(), line.findingId().toString().substring(0, 8),
                    text(line.measuredExact()));
            for (int c = 0; c < values.size(); c++) {
                var cell = row.createCell(c);
                if (values.get(c) instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(values.get(c)));
                }
                cell.setCellStyle(styles.cell());
            }
            n++;
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // as many pages down as the lines need, never across
        sheet.setHorizontallyCenter(true);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

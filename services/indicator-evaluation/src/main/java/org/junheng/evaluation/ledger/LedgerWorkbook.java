package org.junheng.evaluation.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The ledgers as an XLSX workbook with Chinese headers: sheet 已达标台账 and sheet 未达标台账. */
public final class LedgerWorkbook {

    public static final String MET_SHEET = "已达标台账";
    public static final String UNMET_SHEET = "未达标台账";
    static final List<String> HEADERS = List.of("序号", "学校标识码", "学校名称", "学段", "指标代码", "指标名称",
            "测算值", "标准值", "状态", "问题等级", "差距说明", "问题编号");

    private LedgerWorkbook() {
    }

    public static byte[] write(LedgerQueries.Ledger ledger) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            sheet(workbook, MET_SHEET, header, ledger.lines().stream().filter(LedgerLine::met).toList());
            sheet(workbook, UNMET_SHEET, header, ledger.lines().stream().filter(line -> !line.met()).toList());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, String name, CellStyle header, List<LedgerLine> lines) {
        Sheet sheet = workbook.createSheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < HEADERS.size(); i++) {
            head.createCell(i).setCellValue(HEADERS.get(i));
            head.getCell(i).setCellStyle(header);
        }
        int r = 1;
        for (LedgerLine line : lines) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue(r);
            row.createCell(1).setCellValue(line.schoolCode() == null ? "" : line.schoolCode());
            row.createCell(2).setCellValue(line.schoolName() == null ? "全区 (county)" : line.schoolName());
            row.createCell(3).setCellValue(line.section() == null ? "" : line.section().label());
            row.createCell(4).setCellValue(line.indicator().code());
            row.createCell(5).setCellValue(line.indicatorName());
            if (line.measured() != null) {
                row.createCell(6).setCellValue(line.measured().doubleValue());
            }
            if (line.required() != null) {
                row.createCell(7).setCellValue(line.required().doubleValue());
            }
            row.createCell(8).setCellValue(line.status().label());
            row.createCell(9).setCellValue(line.severity() == null ? "" : line.severity().label());
            row.createCell(10).setCellValue(line.gap() == null ? "" : line.gap());
            row.createCell(11).setCellValue(line.findingId().toString());
            r++;
        }
        sheet.createFreezePane(0, 1);
        sheet.setColumnWidth(2, 36 * 256);
        sheet.setColumnWidth(5, 30 * 256);
        sheet.setColumnWidth(10, 60 * 256);
    }
}

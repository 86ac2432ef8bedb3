package org.junheng.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds upload files the way users produce them: the template filled in Excel, or saved as CSV. */
final class ImportFixtures {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ImportFixtures() {
    }

    /** One sheet row by column: a {@link Number} becomes a numeric cell, "=…" a formula, anything else text. */
    static Map<StatisticsColumn, Object> row(Object... columnsAndValues) {
        Map<StatisticsColumn, Object> row = new EnumMap<>(StatisticsColumn.class);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((StatisticsColumn) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /** A copy of {@code row} with some cells changed; a null value blanks the cell. */
    static Map<StatisticsColumn, Object> with(Map<StatisticsColumn, Object> row, Object... columnsAndValues) {
        Map<StatisticsColumn, Object> changed = new EnumMap<>(row);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            StatisticsColumn column = (StatisticsColumn) columnsAndValues[i];
            if (columnsAndValues[i + 1] == null) {
                changed.remove(column);
            } else {
                changed.put(column, columnsAndValues[i + 1]);
            }
        }
        return changed;
    }

    /** The downloaded template with the rows typed into its data sheet from row 2 on; null rows stay blank. */
    static byte[] filledTemplate(List<Map<StatisticsColumn, Object>> rows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ImportTemplate.xlsx()))) {
            Sheet sheet = workbook.getSheet(ImportTemplate.DATA_SHEET_NAME);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) == null) {
                    continue;
                }
                Row row = sheet.createRow(i + 1);
                rows.get(i).forEach((column, value) -> setCell(row.createCell(column.ordinal()), value));
            }
            return write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with a free-form grid on one sheet, for header and format tests. */
    static byte[] workbook(String sheetName, List<List<Object>> grid) {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < grid.get(r).size(); c++) {
                    setCell(row.createCell(c), grid.get(r).get(c));
                }
            }
            return write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void setCell(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof String text && text.startsWith("=")) {
            cell.setCellFormula(text.substring(1));
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    static byte[] write(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** The rows as a template-ordered CSV in UTF-8 with BOM, as Excel's "CSV UTF-8" saves it; null rows are blank. */
    static byte[] csv(List<Map<StatisticsColumn, Object>> rows) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(StatisticsColumn.inOrder().stream().map(StatisticsColumn::header).toList());
        for (Map<StatisticsColumn, Object> row : rows) {
            grid.add(StatisticsColumn.inOrder().stream()
                    .map(column -> row == null || !row.containsKey(column) ? "" : row.get(column).toString())
                    .toList());
        }
        return csvGrid(grid, true, StandardCharsets.UTF_8);
    }

    static byte[] csvGrid(List<List<String>> grid, boolean bom, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(UTF8_BOM);
        }
        try (Writer writer = new OutputStreamWriter(out, charset);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            for (List<String> record : grid) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<String> headers() {
        return StatisticsColumn.inOrder().stream().map(StatisticsColumn::header).toList();
    }
}

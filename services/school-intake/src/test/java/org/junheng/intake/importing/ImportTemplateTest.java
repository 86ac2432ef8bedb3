package org.junheng.intake.importing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junheng.service.documents.ImportProblem;

class ImportTemplateTest {

    private static XSSFWorkbook template() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(ImportTemplate.xlsx()));
    }

    private static List<String> rowTexts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            texts.add(cell == null ? "" : cell.getStringCellValue());
        }
        return texts;
    }

    @Test
    void xlsxHeaderRowIsTheColumnSpecInOrder() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            assertEquals(List.of("学校年度统计", "填表说明"),
                    IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList());
            Sheet data = workbook.getSheet("学校年度统计");
            assertEquals(ImportFixtures.headers(), rowTexts(data.getRow(0)));
            assertEquals(0, data.getLastRowNum(), "the template has no data rows");
        }
    }

    @Test
    void schoolCodeAndAreaListColumnsAreText() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            XSSFSheet data = workbook.getSheet(ImportTemplate.DATA_SHEET_NAME);
            for (StatisticsColumn column : List.of(StatisticsColumn.SCHOOL_CODE, StatisticsColumn.MUSIC_ROOM_AREAS,
                    StatisticsColumn.ART_ROOM_AREAS)) {
                assertNotNull(data.getColumnStyle(column.ordinal()), column.name());
                assertEquals("@", data.getColumnStyle(column.ordinal()).getDataFormatString(), column.name());
            }
        }
    }

    @Test
    void sectionColumnOffersOnlyPrimaryAndJunior() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            XSSFSheet data = workbook.getSheet(ImportTemplate.DATA_SHEET_NAME);
            int section = StatisticsColumn.SECTION.ordinal();
            DataValidation list = data.getDataValidations().stream()
                    .filter(validation -> validation.getValidationConstraint().getValidationType() == ValidationType.LIST)
                    .findFirst().orElseThrow();
            assertArrayEquals(new String[] {"小学", "初中"}, list.getValidationConstraint().getExplicitListValues());
            var range = list.getRegions().getCellRangeAddress(0);
            assertEquals(section, range.getFirstColumn());
            assertEquals(section, range.getLastColumn());
            assertEquals(1, range.getFirstRow());
            assertTrue(range.getLastRow() >= 1000, "prepared for every row a county needs");
        }
    }

    @Test
    void headerIsFrozenAndRequiredHeadersStandOut() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            XSSFSheet data = workbook.getSheet(ImportTemplate.DATA_SHEET_NAME);
            PaneInformation pane = data.getPaneInformation();
            assertTrue(pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());

            Row header = data.getRow(0);
            short requiredFill = header.getCell(StatisticsColumn.PUPILS.ordinal()).getCellStyle().getFillForegroundColor();
            short optionalFill = header.getCell(StatisticsColumn.SCHOOL_NAME.ordinal()).getCellStyle()
                    .getFillForegroundColor();
            assertNotEquals(requiredFill, optionalFill);
            for (StatisticsColumn column : StatisticsColumn.values()) {
                short fill = header.getCell(column.ordinal()).getCellStyle().getFillForegroundColor();
                assertEquals(column.required() ? requiredFill : optionalFill, fill, column.name());
                assertTrue(data.getColumnWidth(column.ordinal()) >= 12 * 256, column.name() + " too narrow");
                assertNotNull(header.getCell(column.ordinal()).getCellComment(), column.name() + " has help");
            }
        }
    }

    @Test
    void instructionsListEveryColumnWithMeaningUnitAndRequirement() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            Sheet instructions = workbook.getSheet("填表说明");
            List<List<String>> lines = new ArrayList<>();
            instructions.forEach(row -> lines.add(rowTexts(row)));

            List<List<String>> columnLines = lines.stream()
                    .filter(line -> line.size() == 5 && StatisticsColumn.byHeader(line.get(1)).isPresent())
                    .toList();
            assertEquals(ImportFixtures.headers(), columnLines.stream().map(line -> line.get(1)).toList());
            for (List<String> line : columnLines) {
                StatisticsColumn column = StatisticsColumn.byHeader(line.get(1)).orElseThrow();
                assertEquals(column.letter(), line.get(0));
                assertTrue(!line.get(2).isBlank() && !line.get(3).isBlank(), "meaning and unit of " + column);
                assertEquals(ImportTemplate.requirement(column), line.get(4));
            }
            assertEquals("m²", columnLines.get(StatisticsColumn.TEACHING_AREA.ordinal()).get(3));
            assertEquals("元", columnLines.get(StatisticsColumn.EQUIPMENT_VALUE.ordinal()).get(3));
            assertTrue(ImportTemplate.requirement(StatisticsColumn.OPERATING_FUND_BUDGET).contains("第一行"));
            // a column that may stay open says what leaving it blank means
            assertTrue(ImportTemplate.requirement(StatisticsColumn.CERTIFIED_TEACHERS).contains("数据未报送"));
            assertEquals("必填", ImportTemplate.requirement(StatisticsColumn.KEY_TEACHERS));
        }
    }

    @Test
    void instructionsStateTheLayoutRules() throws IOException {
        try (XSSFWorkbook workbook = template()) {
            String text = String.join("\n", workbook.getSheet("填表说明").getRow(0).getCell(0).getStringCellValue(),
                    String.join("\n", ImportTemplate.RULES));
            for (String rule : List.of("每个学段填一行", "只在该校第一行填写全校数值", "每个学段行分别填写",
                    "填在该校第一行", "巩固率各列填在初中行", "10位国家学校标识码", "不是万元", "不是万平方米")) {
                assertTrue(text.contains(rule), rule);
            }
            List<String> sheetRules = new ArrayList<>();
            workbook.getSheet("填表说明").forEach(row -> {
                Cell cell = row.getCell(1);
                if (cell != null && ImportTemplate.RULES.contains(cell.getStringCellValue())) {
                    sheetRules.add(cell.getStringCellValue());
                }
            });
            assertEquals(ImportTemplate.RULES, sheetRules);
        }
    }

    @Test
    void everyColumnHasHelp() {
        assertEquals(Arrays.asList(StatisticsColumn.values()),
                Arrays.stream(StatisticsColumn.values()).filter(ImportTemplate.HELP::containsKey).toList());
    }

    @Test
    void csvIsUtf8WithBomAndHeaderRowOnly() {
        byte[] csv = ImportTemplate.csv();

        assertArrayEquals(ImportFixtures.UTF8_BOM, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals(String.join(",", ImportFixtures.headers()) + "\r\n", text);
    }

    @Test
    void emptyTemplatesReadBackAsHeaderWithoutData() {
        for (byte[] template : List.of(ImportTemplate.xlsx(), ImportTemplate.csv())) {
            SheetContent content = SheetReader.read(template, "模板");
            assertEquals(1, content.headerRow());
            assertEquals(Arrays.asList(StatisticsColumn.values()), List.copyOf(content.columns().keySet()));
            assertEquals(List.of(), content.problems());

            ImportResult.Rejected rejected = assertInstanceOf(ImportResult.Rejected.class, RowMapper.map(content));
            assertEquals(List.of(new ImportProblem(0, "", "", "", "没有数据行 (no data rows)")), rejected.problems());
        }
    }
}

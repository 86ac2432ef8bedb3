package org.junheng.intake.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junheng.service.documents.ImportProblem;

/** Formats, unreadable files and the header row. */
class SheetReaderTest {

    private static List<ImportProblem> problems(byte[] file, String name) {
        return assertInstanceOf(ImportResult.Rejected.class, StatisticsImport.parse(file, name)).problems();
    }

    private static ImportProblem onlyProblem(byte[] file, String name) {
        List<ImportProblem> problems = problems(file, name);
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    private static List<String> valuesOf(Map<StatisticsColumn, Object> row, List<StatisticsColumn> columns) {
        return columns.stream().map(column -> row.containsKey(column) ? row.get(column).toString() : "").toList();
    }

    // ---------------------------------------------------------------- unreadable files

    @Test
    void emptyFileIsOneClearProblem() {
        ImportProblem problem = onlyProblem(new byte[0], "统计.xlsx");
        assertEquals(new ImportProblem(0, "", "", "统计.xlsx", "文件为空 (the file is empty)"), problem);
    }

    @Test
    void pngRenamedToXlsxIsAnUnknownFormat() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

        ImportProblem problem = onlyProblem(png, "学校统计.xlsx");
        assertEquals(0, problem.row());
        assertEquals("学校统计.xlsx", problem.value());
        assertTrue(problem.reason().startsWith("无法识别的文件格式"), problem.reason());
    }

    @Test
    void zipThatIsNoWorkbookIsUnreadable() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }

        assertTrue(onlyProblem(zip.toByteArray(), "统计.xlsx").reason().startsWith("无法读取 Excel 文件"));
    }

    @Test
    void truncatedWorkbookIsUnreadable() {
        byte[] workbook = ImportFixtures.filledTemplate(SampleSchools.xlsxRows());
        byte[] truncated = java.util.Arrays.copyOf(workbook, workbook.length / 2);

        assertTrue(onlyProblem(truncated, "统计.xlsx").reason().startsWith("无法读取 Excel 文件"));
    }

    @Test
    void csvWithOnlyTheHeaderHasNoDataRows() {
        assertEquals("没有数据行 (no data rows)", onlyProblem(ImportTemplate.csv(), "统计.csv").reason());
    }

    @Test
    void csvThatIsNotUtf8IsRefusedWithAdvice() {
        byte[] gbk = ImportFixtures.csvGrid(List.of(ImportFixtures.headers(), List.of("5001040001", "实验小学")), false,
                Charset.forName("GBK"));

        assertTrue(onlyProblem(gbk, "统计.csv").reason().contains("CSV UTF-8"));
    }

    @Test
    void csvWithUnbalancedQuoteIsMalformed() {
        String text = String.join(",", ImportFixtures.headers()) + "\r\n\"5001040001,实验小学,小学\r\n";

        assertTrue(onlyProblem(text.getBytes(StandardCharsets.UTF_8), "统计.csv").reason().startsWith("CSV 格式错误"));
    }

    // ---------------------------------------------------------------- sheets, cells and rows

    @Test
    void readsTheSheetNamedLikeTheTemplateWhereverItIs() throws IOException {
        byte[] template = ImportFixtures.filledTemplate(SampleSchools.xlsxRows());
        byte[] reordered;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            workbook.setSheetOrder(ImportTemplate.INSTRUCTIONS_SHEET_NAME, 0);
            reordered = ImportFixtures.write(workbook);
        }

        assertEquals(4, ImportRoundTripTest.parsed(reordered, "统计.xlsx").schools().size());
    }

    @Test
    void readsTheFirstSheetWhenNoneIsNamedLikeTheTemplate() {
        Map<StatisticsColumn, Object> row = SampleSchools.xlsxRows().get(0);
        List<StatisticsColumn> columns = StatisticsColumn.inOrder();
        byte[] workbook = ImportFixtures.workbook("Sheet1", List.of(
                new ArrayList<>(ImportFixtures.headers()), new ArrayList<>(columns.stream().map(row::get).toList())));

        assertEquals(SampleSchools.primary(),
                ImportRoundTripTest.parsed(workbook, "统计.xlsx").schools().get(0).statistics());
    }

    @Test
    void numbersAreReadExactlyAndFormulasEvaluated() {
        List<Object> cells = List.of(5001040001L, 0.1 + 0.2, 1e20, 12.5, "=1/0", "=ROUND(2/3,2)", "=\"文本\"", -0.0);
        List<Object> header = new ArrayList<>(ImportFixtures.headers().subList(0, cells.size()));
        byte[] workbook = ImportFixtures.workbook("数据", List.of(header, new ArrayList<>(cells)));

        SheetContent.SheetRow row = SheetReader.read(workbook, "x.xlsx").rows().get(0);
        List<String> texts = StatisticsColumn.inOrder().subList(0, cells.size()).stream().map(row::value).toList();
        assertEquals(List.of("5001040001", "0.3", "100000000000000000000", "12.5", "#DIV/0!", "0.67", "文本", "0"), texts);
    }

    @Test
    void formulaErrorsAndResultsReachTheirCells() {
        Map<StatisticsColumn, Object> row = ImportFixtures.with(SampleSchools.xlsxRows().get(0),
                StatisticsColumn.PUPILS, "=1/0", StatisticsColumn.CLASSES, "=ROUND(53/2,0)");
        List<ImportProblem> problems = problems(ImportFixtures.filledTemplate(List.of(row)), "统计.xlsx");

        assertEquals(List.of(new ImportProblem(2, "D", StatisticsColumn.PUPILS.header(), "#DIV/0!",
                "公式计算出错 (formula error)")), problems);
    }

    @Test
    void blankRowsAreSkippedAndRowNumbersStayTheUsersOnes() {
        List<Map<StatisticsColumn, Object>> rows = new ArrayList<>();
        rows.add(null);
        rows.add(null);
        rows.add(ImportFixtures.with(SampleSchools.csvRows().get(0), StatisticsColumn.PUPILS, "x"));
        for (byte[] file : List.of(ImportFixtures.filledTemplate(rows), ImportFixtures.csv(rows))) {
            ImportProblem problem = onlyProblem(file, "统计");
            assertEquals(4, problem.row());
            assertEquals("D", problem.column());
        }
    }

    // ---------------------------------------------------------------- header row

    @Test
    void headerProblemsNameTheColumn() {
        List<StatisticsColumn> columns = new ArrayList<>(StatisticsColumn.inOrder());
        columns.remove(StatisticsColumn.PUPILS);
        List<String> header = new ArrayList<>(columns.stream().map(StatisticsColumn::header).toList());
        header.set(2, "学段(小学/初中)"); // half-width brackets: still the section column
        header.add("备注");
        header.add(StatisticsColumn.CLASSES.header());
        Map<StatisticsColumn, Object> row = SampleSchools.xlsxRows().get(1);
        List<String> values = new ArrayList<>(valuesOf(row, columns));
        values.add("新建校区");
        values.add("20");

        List<ImportProblem> problems = problems(ImportFixtures.csvGrid(List.of(header, values), true,
                StandardCharsets.UTF_8), "统计.csv");

        assertEquals(List.of(
                new ImportProblem(1, "", "在校生数（人）", "", "缺少必填列 (required column missing)"),
                new ImportProblem(1, "AN", "备注", "备注", "无法识别的列，请使用模板的表头 (unknown column: use the template headers)"),
                new ImportProblem(1, "AO", "班级数（个）", "班级数（个）", "列重复，与D列相同 (duplicate column, same as column D)")),
                problems);
    }

    @Test
    void retentionColumnsComeTogether() {
        List<StatisticsColumn> columns = StatisticsColumn.inOrder().stream()
                .filter(column -> column.scope() != StatisticsColumn.Scope.RETENTION
                        || column == StatisticsColumn.COHORT_GRADE7)
                .toList();
        List<String> header = columns.stream().map(StatisticsColumn::header).toList();
        List<String> values = valuesOf(SampleSchools.csvRows().get(0), columns);

        List<ImportProblem> problems = problems(ImportFixtures.csvGrid(List.of(header, values), true,
                StandardCharsets.UTF_8), "统计.csv");

        assertEquals(5, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.stream().allMatch(p -> p.row() == 1 && p.reason().startsWith("缺少巩固率列")));
        assertEquals(StatisticsColumn.COHORT_ENTRY_YEAR.header(), problems.get(0).header());
    }

    @Test
    void fileWithoutTheHeaderRowIsOneProblem() {
        Map<StatisticsColumn, Object> row = SampleSchools.csvRows().get(0);
        List<String> values = valuesOf(row, StatisticsColumn.inOrder());

        ImportProblem problem = onlyProblem(ImportFixtures.csvGrid(List.of(values, values), true,
                StandardCharsets.UTF_8), "统计.csv");
        assertEquals(1, problem.row());
        assertTrue(problem.reason().startsWith("未找到表头"));
    }

    @Test
    void dataUnderNoHeaderIsReported() {
        List<String> values = new ArrayList<>(valuesOf(SampleSchools.csvRows().get(0), StatisticsColumn.inOrder()));
        values.add("");
        values.add("多余");

        ImportProblem problem = onlyProblem(ImportFixtures.csvGrid(List.of(ImportFixtures.headers(), values), true,
                StandardCharsets.UTF_8), "统计.csv");
        assertEquals(new ImportProblem(1, "AP", "", "", "该列有数据但没有表头 (the column has data but no header)"), problem);
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        List<StatisticsColumn> columns = StatisticsColumn.inOrder().stream().filter(StatisticsColumn::required).toList();
        Map<StatisticsColumn, Object> row = SampleSchools.csvRows().get(0);

        ImportResult.Parsed parsed = ImportRoundTripTest.parsed(ImportFixtures.csvGrid(List.of(
                columns.stream().map(StatisticsColumn::header).toList(), valuesOf(row, columns)), true,
                StandardCharsets.UTF_8), "统计.csv");
        var facilities = parsed.schools().get(0).statistics().sections().get(0).facilities();
        assertEquals(List.of(), facilities.musicRoomAreas());
        assertEquals(null, facilities.leasedOrConvertedSportsArea());
        assertEquals(java.math.BigDecimal.valueOf(6100.5), facilities.teachingAndAuxiliaryArea());
    }
}

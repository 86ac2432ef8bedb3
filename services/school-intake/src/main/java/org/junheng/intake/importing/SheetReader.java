package org.junheng.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junheng.intake.importing.SheetContent.FileColumn;
import org.junheng.intake.importing.SheetContent.SheetRow;

/**
 * Reads an uploaded statistics file (XLSX, or CSV) into cell texts under the template columns, and checks its header
 * row. The content decides the format, not the file name: users rename files, and browsers guess content types.
 * Never throws: an unreadable file comes back as a {@link SheetContent} holding the problem.
 */
public final class SheetReader {

    /** A county has a few hundred school sections at most; a bigger file is a wrong file (or an attack). */
    static final int MAX_DATA_ROWS = 10_000;

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    /** OLE2 compound document: legacy .xls, and password-protected .xlsx. */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SNIFF_BYTES = 8192;
    /** Excel shows 15 significant digits; reading a double the same way turns 0.30000000000000004 back into 0.3. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private static final Map<String, StatisticsColumn> COLUMNS_BY_HEADER = Arrays.stream(StatisticsColumn.values())
            .collect(Collectors.toMap(column -> headerKey(column.header()), Function.identity()));

    /** A non-blank row of the file: its sheet row number and its cell texts by column index (blank = ""). */
    private record GridRow(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The rows read, and whether reading stopped at {@link #MAX_DATA_ROWS}. */
    private record Grid(List<GridRow> rows, boolean truncated) {
    }

    /** Why a file cannot be read at all; caught in {@link #read}. */
    private static final class UnreadableFile extends Exception {

        UnreadableFile(String reason) {
            super(reason, null, false, false);
        }
    }

    private SheetReader() {
    }

    /**
     * @param content  the uploaded bytes
     * @param fileName the file name as uploaded, only to name the file in problems; may be null
     */
    public static SheetContent read(byte[] content, String fileName) {
        String name = fileName == null ? "" : fileName;
        if (content == null || content.length == 0) {
            return SheetContent.unreadable(fileProblem(name, Reasons.EMPTY_FILE));
        }
        try {
            Grid grid;
            if (startsWith(content, ZIP_MAGIC) || startsWith(content, OLE2_MAGIC)) {
                grid = readWorkbook(content);
            } else if (looksBinary(content)) {
                throw new UnreadableFile(Reasons.UNKNOWN_FORMAT);
            } else {
                grid = readCsv(content);
            }
            return analyse(grid, name);
        } catch (UnreadableFile e) {
            return SheetContent.unreadable(fileProblem(name, e.getMessage()));
        } catch (RuntimeException e) {
            // a library failing on a file it was never meant to read; the user can only be told it is unreadable
            return SheetContent.unreadable(fileProblem(name, Reasons.UNREADABLE_WORKBOOK));
        }
    }

    private static ImportProblem fileProblem(String fileName, String reason) {
        return new ImportProblem(0, "", "", fileName, reason);
    }

    // ---------------------------------------------------------------- XLSX (and legacy XLS, which POI reads alike)

    private static Grid readWorkbook(byte[] content) throws UnreadableFile {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheet(ImportTemplate.DATA_SHEET_NAME);
            if (sheet == null && workbook.getNumberOfSheets() > 0) {
                sheet = workbook.getSheetAt(0);
            }
            if (sheet == null) {
                throw new UnreadableFile(Reasons.NO_SHEET);
            }
            WorkbookCells cells = new WorkbookCells(workbook);
            List<GridRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> texts = new ArrayList<>();
                for (Cell cell : row) {
                    while (texts.size() <= cell.getColumnIndex()) {
                        texts.add("");
                    }
                    texts.set(cell.getColumnIndex(), cells.text(cell));
                }
                GridRow gridRow = new GridRow(row.getRowNum() + 1, texts);
                if (!gridRow.blank()) {
                    if (rows.size() > MAX_DATA_ROWS) {
                        return new Grid(rows, true);
                    }
                    rows.add(gridRow);
                }
            }
            return new Grid(rows, false);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFile(Reasons.ENCRYPTED_WORKBOOK);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile(Reasons.UNREADABLE_WORKBOOK);
        }
    }

    /** Cell text as the user sees it, except that numbers are exact (no "5.001040001E9", no "1,200.00"). */
    private static final class WorkbookCells {

        private final FormulaEvaluator evaluator;
        private final DataFormatter formatter = new DataFormatter(Locale.CHINA);

        WorkbookCells(Workbook workbook) {
            this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        }

        String text(Cell cell) {
            return switch (cell.getCellType()) {
                case STRING -> cell.getStringCellValue().strip();
                case NUMERIC -> number(cell.getNumericCellValue(), cell.getCellStyle());
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
                case ERROR -> error(cell.getErrorCellValue());
                case FORMULA -> formula(cell);
                default -> "";
            };
        }

        /** Evaluated, so files written by tools that store no results still read right; else Excel's cached result. */
        private String formula(Cell cell) {
            CellValue value;
            try {
                value = evaluator.evaluate(cell);
            } catch (RuntimeException | StackOverflowError unevaluable) {
                // unsupported function, external workbook, or a dependency chain too deep to follow
                return cached(cell);
            }
            if (value == null) {
                return "";
            }
            return switch (value.getCellType()) {
                case NUMERIC -> number(value.getNumberValue(), cell.getCellStyle());
                case STRING -> value.getStringValue().strip();
                case BOOLEAN -> Boolean.toString(value.getBooleanValue()).toUpperCase(Locale.ROOT);
                case ERROR -> error(value.getErrorValue());
                default -> "";
            };
        }

        private String cached(Cell cell) {
            CellType type = cell.getCachedFormulaResultType();
            return switch (type) {
                case NUMERIC -> number(cell.getNumericCellValue(), cell.getCellStyle());
                case STRING -> cell.getStringCellValue().strip();
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
                case ERROR -> error(cell.getErrorCellValue());
                default -> "";
            };
        }

        private String number(double value, CellStyle style) {
            if (style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString())
                    && DateUtil.isValidExcelDate(value)) {
                // a date where a number belongs: show it as the user typed it, so the problem is recognisable
                return formatter.formatRawCellContents(value, style.getDataFormat(), style.getDataFormatString());
            }
            return exactText(value);
        }

        private static String error(byte code) {
            return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#N/A";
        }
    }

    /** 5001040001.0 → "5001040001", 12.5 → "12.5", 1.1 (binary 1.10000000000000008…) → "1.1". */
    static String exactText(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "#NUM!";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- CSV

    private static Grid readCsv(byte[] content) throws UnreadableFile {
        String text = decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<GridRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                // one record is one spreadsheet row, even when a quoted value spans lines
                GridRow row = new GridRow((int) record.getRecordNumber(),
                        record.stream().map(String::strip).toList());
                if (!row.blank()) {
                    if (rows.size() > MAX_DATA_ROWS) {
                        return new Grid(rows, true);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFile(Reasons.MALFORMED_CSV);
        }
        return new Grid(rows, false);
    }

    /**
     * UTF-8, with or without BOM. Anything else is refused rather than guessed: Excel's plain "CSV (逗号分隔)" on
     * Chinese Windows writes GBK, which has no "²", so the area headers would arrive mangled anyway.
     */
    private static String decode(byte[] content) throws UnreadableFile {
        int offset = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new UnreadableFile(Reasons.NOT_UTF8);
        }
    }

    /** Images, PDFs and other binaries contain NUL or other control bytes that no CSV has. */
    private static boolean looksBinary(byte[] content) {
        int length = Math.min(content.length, SNIFF_BYTES);
        int controls = 0;
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1B) {
                controls++;
            }
        }
        return controls > length / 100;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    // ---------------------------------------------------------------- header row and data rows

    /** How headers compare: full-width/half-width, m²/m2, spaces and letter case do not matter. */
    private static String headerKey(String header) {
        return CellParsing.normalise(header).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static SheetContent analyse(Grid grid, String fileName) {
        if (grid.rows().isEmpty()) {
            return SheetContent.unreadable(fileProblem(fileName, Reasons.EMPTY_FILE));
        }
        GridRow header = grid.rows().get(0);
        List<ImportProblem> problems = new ArrayList<>();
        Map<StatisticsColumn, FileColumn> columns = new EnumMap<>(StatisticsColumn.class);
        Map<StatisticsColumn, Integer> indexes = new EnumMap<>(StatisticsColumn.class);
        List<ImportProblem> unknown = new ArrayList<>();
        for (int index = 0; index < header.cells().size(); index++) {
            String text = header.cell(index);
            if (text.isEmpty()) {
                continue;
            }
            String letter = CellReference.convertNumToColString(index);
            StatisticsColumn column = COLUMNS_BY_HEADER.get(headerKey(text));
            if (column == null) {
                unknown.add(new ImportProblem(header.number(), letter, text, text, Reasons.UNKNOWN_COLUMN));
            } else if (columns.containsKey(column)) {
                problems.add(new ImportProblem(header.number(), letter, text, text,
                        Reasons.duplicateColumn(columns.get(column).letter())));
            } else {
                columns.put(column, new FileColumn(letter, text));
                indexes.put(column, index);
            }
        }
        if (columns.isEmpty()) {
            // not a header with a few typos but no header at all: one problem says more than forty
            return SheetContent.unreadable(new ImportProblem(header.number(), "", "", header.cell(0), Reasons.NO_HEADER));
        }
        problems.addAll(unknown);
        problems.addAll(missingColumns(header.number(), columns));

        List<SheetRow> rows = new ArrayList<>();
        TreeSet<Integer> dataWithoutHeader = new TreeSet<>();
        for (GridRow row : grid.rows().subList(1, grid.rows().size())) {
            Map<StatisticsColumn, String> values = new EnumMap<>(StatisticsColumn.class);
            indexes.forEach((column, index) -> {
                String value = row.cell(index);
                if (!value.isEmpty()) {
                    values.put(column, value);
                }
            });
            for (int index = 0; index < row.cells().size(); index++) {
                if (!row.cell(index).isEmpty() && header.cell(index).isEmpty()) {
                    dataWithoutHeader.add(index);
                }
            }
            // a row with values only outside the template columns is covered by the header problems
            if (!values.isEmpty()) {
                rows.add(new SheetRow(row.number(), values));
            }
        }
        for (int index : dataWithoutHeader) {
            problems.add(new ImportProblem(header.number(), CellReference.convertNumToColString(index), "", "",
                    Reasons.DATA_WITHOUT_HEADER));
        }
        if (grid.truncated()) {
            problems.add(fileProblem(fileName, Reasons.TOO_MANY_ROWS));
        }
        return new SheetContent(header.number(), columns, rows, problems);
    }

    private static List<ImportProblem> missingColumns(int headerRow, Map<StatisticsColumn, FileColumn> present) {
        List<ImportProblem> problems = new ArrayList<>();
        boolean anyRetention = present.keySet().stream().anyMatch(c -> c.scope() == StatisticsColumn.Scope.RETENTION);
        for (StatisticsColumn column : StatisticsColumn.values()) {
            if (present.containsKey(column)) {
                continue;
            }
            if (column.required()) {
                problems.add(new ImportProblem(headerRow, "", column.header(), "", Reasons.MISSING_COLUMN));
            } else if (anyRetention && column.scope() == StatisticsColumn.Scope.RETENTION) {
                problems.add(new ImportProblem(headerRow, "", column.header(), "", Reasons.MISSING_RETENTION_COLUMN));
            }
        }
        return problems;
    }
}

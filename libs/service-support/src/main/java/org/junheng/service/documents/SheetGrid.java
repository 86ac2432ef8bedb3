package org.junheng.service.documents;

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
import java.util.List;
import java.util.Locale;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junheng.contracts.Nullable;

/**
 * An uploaded spreadsheet (XLSX, legacy XLS, or UTF-8 CSV) as rows of cell texts, the way every import reads it: the
 * content decides the format, not the file name (users rename files, browsers guess content types); cells read as
 * the user sees them, except that numbers are exact; blank rows are skipped and each row keeps its sheet row number,
 * so problems can name row and column.
 */
public final class SheetGrid {

    // why a file cannot be read at all: Chinese for the user, English in parentheses for everyone else
    public static final String EMPTY_FILE = "文件为空 (the file is empty)";
    public static final String UNKNOWN_FORMAT = "无法识别的文件格式，请上传模板的 .xlsx 文件或 UTF-8 编码的 .csv 文件 "
            + "(unrecognised file format: upload the template as .xlsx or as UTF-8 .csv)";
    public static final String UNREADABLE_WORKBOOK = "无法读取 Excel 文件，文件可能已损坏 (the Excel file cannot be read; it "
            + "may be damaged)";
    public static final String ENCRYPTED_WORKBOOK = "Excel 文件设有密码，请取消密码后再上传 (the Excel file is password-protected)";
    public static final String NO_SHEET = "Excel 文件中没有工作表 (the workbook has no sheet)";
    public static final String NOT_UTF8 = "CSV 文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”"
            + "(the CSV is not UTF-8: save it as \"CSV UTF-8\")";
    public static final String MALFORMED_CSV = "CSV 格式错误（引号不成对？）(malformed CSV: unbalanced quotes?)";

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    /** OLE2 compound document: legacy .xls, and password-protected .xlsx. */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int SNIFF_BYTES = 8192;
    /** Excel shows 15 significant digits; reading a double the same way turns 0.30000000000000004 back into 0.3. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    /** A non-blank row of the file: its sheet row number (1-based) and its cell texts by column index. */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell's text; "" when blank or beyond the row's last cell. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The rows read, and whether reading stopped after {@code maxRows} rows. */
    public record Grid(List<Row> rows, boolean truncated) {

        public Grid {
            rows = List.copyOf(rows);
        }
    }

    /** A file that cannot be read at all; {@link #getMessage()} says why in words for the user. */
    public static final class Unreadable extends Exception {

        public Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private SheetGrid() {
    }

    /** The spreadsheet column letter of a 0-based index: 0 → A, 27 → AB. */
    public static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }

    /**
     * @param content        the uploaded bytes
     * @param preferredSheet the workbook sheet to read when present (else the first); null for the first
     * @param maxRows        at most this many non-blank rows are read; more marks the grid truncated
     */
    public static Grid read(byte[] content, @Nullable String preferredSheet, int maxRows) throws Unreadable {
        if (content == null || content.length == 0) {
            throw new Unreadable(EMPTY_FILE);
        }
        try {
            if (startsWith(content, ZIP_MAGIC) || startsWith(content, OLE2_MAGIC)) {
                return readWorkbook(content, preferredSheet, maxRows);
            }
            if (looksBinary(content)) {
                throw new Unreadable(UNKNOWN_FORMAT);
            }
            return readCsv(content, maxRows);
        } catch (RuntimeException e) {
            // a library failing on a file it was never meant to read; the user can only be told it is unreadable
            throw new Unreadable(UNREADABLE_WORKBOOK);
        }
    }

    // ---------------------------------------------------------------- XLSX (and legacy XLS, which POI reads alike)

    private static Grid readWorkbook(byte[] content, @Nullable String preferredSheet, int maxRows)
            throws Unreadable {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet sheet = preferredSheet == null ? null : workbook.getSheet(preferredSheet);
            if (sheet == null && workbook.getNumberOfSheets() > 0) {
                sheet = workbook.getSheetAt(0);
            }
            if (sheet == null) {
                throw new Unreadable(NO_SHEET);
            }
            WorkbookCells cells = new WorkbookCells(workbook);
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> texts = new ArrayList<>();
                for (Cell cell : row) {
                    while (texts.size() <= cell.getColumnIndex()) {
                        texts.add("");
                    }
                    texts.set(cell.getColumnIndex(), cells.text(cell));
                }
                Row gridRow = new Row(row.getRowNum() + 1, texts);
                if (!gridRow.blank()) {
                    if (rows.size() > maxRows) {
                        return new Grid(rows, true);
                    }
                    rows.add(gridRow);
                }
            }
            return new Grid(rows, false);
        } catch (EncryptedDocumentException e) {
            throw new Unreadable(ENCRYPTED_WORKBOOK);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(UNREADABLE_WORKBOOK);
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
                // a date as the user typed it (2025/6/30 stays recognisable; an importer parses it if it wants one)
                return formatter.formatRawCellContents(value, style.getDataFormat(), style.getDataFormatString());
            }
            return exactText(value);
        }

        private static String error(byte code) {
            return FormulaError.isValidCode(code) ? FormulaError.forInt(code).getString() : "#N/A";
        }
    }

    /** 5001040001.0 → "5001040001", 12.5 → "12.5", 1.1 (binary 1.10000000000000008…) → "1.1". */
    public static String exactText(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "#NUM!";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- CSV

    private static Grid readCsv(byte[] content, int maxRows) throws Unreadable {
        String text = decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                // one record is one spreadsheet row, even when a quoted value spans lines
                Row row = new Row((int) record.getRecordNumber(), record.stream().map(String::strip).toList());
                if (!row.blank()) {
                    if (rows.size() > maxRows) {
                        return new Grid(rows, true);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Unreadable(MALFORMED_CSV);
        }
        return new Grid(rows, false);
    }

    /**
     * UTF-8, with or without BOM. Anything else is refused rather than guessed: Excel's plain "CSV (逗号分隔)" on
     * Chinese Windows writes GBK, which has no "²", so area headers would arrive mangled anyway.
     */
    private static String decode(byte[] content) throws Unreadable {
        int offset = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new Unreadable(NOT_UTF8);
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
}

package org.junheng.service.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The Word documents the services produce (督办单, 通报, 整改报告), laid out as county offices lay out theirs (GB/T
 * 9704 in spirit): A4, the title in 小标宋 二号, the body in 仿宋 三号, tables in 仿宋 小四; each closed by the stamp that
 * says which recorded history it was computed from ({@link #stamp}).
 */
public final class WordDocument implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final XWPFDocument document = new XWPFDocument();

    public WordDocument() {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098)); // 37 mm top, 28 mm left, 26 mm right, 35 mm bottom
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1587));
        margins.setRight(BigInteger.valueOf(1474));
    }

    /** Beijing time as documents write it: 2025年3月31日 14:05. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** A line above the title (发文机关, red in a 公文's masthead when {@code red}). */
    public WordDocument masthead(String text, boolean red) {
        XWPFRun run = centred().createRun();
        font(run, TITLE_FONT, red ? 26 : 16, true);
        if (red) {
            run.setColor("C00000");
        }
        run.setText(text);
        return this;
    }

    public WordDocument title(String text) {
        XWPFParagraph paragraph = centred();
        paragraph.setSpacingAfter(240);
        XWPFRun run = paragraph.createRun();
        font(run, TITLE_FONT, 22, false);
        run.setText(text);
        return this;
    }

    /** A centred line under the title (文号, 督办等级). */
    public WordDocument centredLine(String text) {
        XWPFRun run = centred().createRun();
        font(run, BODY_FONT, 16, false);
        run.setText(text);
        return this;
    }

    /** A line in a colour ({@code RRGGBB}), bold: a 督办等级 the reader must see. */
    public WordDocument colouredLine(String text, String colour) {
        XWPFRun run = centred().createRun();
        font(run, HEADING_FONT, 16, true);
        run.setColor(colour);
        run.setText(text);
        return this;
    }

    public WordDocument heading(String text) {
        XWPFRun run = document.createParagraph().createRun();
        font(run, HEADING_FONT, 16, false);
        run.setText(text);
        return this;
    }

    /** A body paragraph, first line indented by two characters. */
    public WordDocument paragraph(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setIndentationFirstLine(640);
        XWPFRun run = paragraph.createRun();
        font(run, BODY_FONT, 16, false);
        run.setText(text);
        return this;
    }

    /** A paragraph flush right (落款, 日期). */
    public WordDocument right(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun run = paragraph.createRun();
        font(run, BODY_FONT, 16, false);
        run.setText(text);
        return this;
    }

    /** A table with a header row; every cell plain text; columns share the width equally. */
    public WordDocument table(List<String> header, List<List<String>> rows) {
        return table(header, rows, new int[0]);
    }

    /** A table whose columns have the given widths in twips (the page's text is 8845 wide). */
    public WordDocument table(List<String> header, List<List<String>> rows, int... widths) {
        XWPFTable table = document.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table.getRow(0), header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table.getRow(i + 1), rows.get(i), false);
        }
        if (widths.length == header.size()) {
            columns(table, widths);
        }
        document.createParagraph();
        return this;
    }

    /** Two columns of label and value (an 督办单's 基本情况). */
    public WordDocument facts(List<List<String>> labelValue) {
        XWPFTable table = document.createTable(labelValue.size(), 2);
        table.setWidth("100%");
        for (int i = 0; i < labelValue.size(); i++) {
            fill(table.getRow(i), labelValue.get(i), false);
        }
        columns(table, 2000, 6845); // label and value within the 8845-twip text width of the page
        document.createParagraph();
        return this;
    }

    /**
     * What the document was computed from: the history as recorded up to {@code asOf} — {@code events} events, the
     * last at feed position {@code position} — so that it can be produced again, identical, for that moment.
     */
    public WordDocument stamp(Instant asOf, long events, String position) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingBefore(360);
        XWPFRun run = paragraph.createRun();
        font(run, BODY_FONT, 10, false);
        run.setColor("595959");
        run.setText("数据截至 " + time(asOf) + "（北京时间），依据截至该时刻记录的 " + events + " 条事件"
                + (position == null ? "" : "（末条位置 " + position + "）") + "生成；按同一时间重新生成，内容相同。");
        return this;
    }

    /** For a document that is itself a recorded event (an issued notice): when, and where in the log. */
    public WordDocument stampIssued(Instant issuedAt, long position) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingBefore(360);
        XWPFRun run = paragraph.createRun();
        font(run, BODY_FONT, 10, false);
        run.setColor("595959");
        run.setText("数据截至 " + time(issuedAt) + "（北京时间）发布时，通报记录第 " + position + " 条；内容以发布时为准。");
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The addressee line (主送): flush left, as a 公文 writes it. */
    public WordDocument addressee(String text) {
        XWPFRun run = document.createParagraph().createRun();
        font(run, BODY_FONT, 16, false);
        run.setText(text);
        return this;
    }

    /** Fixed column widths in twips; viewers otherwise share the width equally. */
    private static void columns(XWPFTable table, int... widths) {
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length && c < row.getTableCells().size(); c++) {
                row.getCell(c).setWidth(String.valueOf(widths[c]));
            }
        }
    }

    private XWPFParagraph centred() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        return paragraph;
    }

    private static void fill(XWPFTableRow row, List<String> values, boolean header) {
        for (int c = 0; c < values.size(); c++) {
            var cell = row.getCell(c);
            XWPFParagraph paragraph = cell.getParagraphs().get(0);
            XWPFRun run = paragraph.createRun();
            font(run, header ? HEADING_FONT : BODY_FONT, 12, false);
            run.setText(values.get(c) == null ? "" : values.get(c));
        }
    }

    private static void font(XWPFRun run, String family, int points, boolean bold) {
        run.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(family, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(family, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(points);
        run.setBold(bold);
    }
}

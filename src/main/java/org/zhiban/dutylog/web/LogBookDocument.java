package org.zhiban.dutylog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.LogBook;
import org.zhiban.shared.Zones;

/** A year's log book as a Word document, A4 landscape, in the printed page's layout. */
final class LogBookDocument {

    private static final List<String> HEADINGS = List.of("编号", "时间", "类别", "来电人", "事由", "处理情况及结果", "状态",
            "记录人");
    private static final String FONT = "宋体";

    private LogBookDocument() {
    }

    static byte[] render(LogBook book) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            landscape(document);
            paragraph(document, book.unitName() + "值班记录簿（" + book.year() + "年）", 16, true, ParagraphAlignment.CENTER);
            paragraph(document, LogBookPages.summary(book), 10, false, ParagraphAlignment.CENTER);
            XWPFTable table = document.createTable(1, HEADINGS.size());
            table.setWidth("100%");
            for (int i = 0; i < HEADINGS.size(); i++) {
                cell(table.getRow(0), i, HEADINGS.get(i), true);
            }
            for (LogBook.Page page : book.pages()) {
                DutyLogEntry e = page.entry();
                XWPFTableRow row = table.createRow();
                cell(row, 0, e.number(), false);
                cell(row, 1, Zones.MINUTE.format(e.occurredAt()), false);
                cell(row, 2, e.kind().label(), false);
                cell(row, 3, LogBookPages.caller(e), false);
                cell(row, 4, LogBookPages.matter(e) + LogBookPages.corrections(page), false);
                cell(row, 5, LogBookPages.handling(e), false);
                cell(row, 6, e.followUp().label(), false);
                cell(row, 7, LogBookPages.recorder(e), false);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void landscape(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setOrient(STPageOrientation.LANDSCAPE);
        size.setW(BigInteger.valueOf(16838));
        size.setH(BigInteger.valueOf(11906));
    }

    private static void paragraph(XWPFDocument document, String text, int size, boolean bold,
            ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, size, bold);
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph paragraph = row.getCell(column).getParagraphs().get(0);
        run(paragraph, text == null ? "" : text, 9, bold);
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }
}

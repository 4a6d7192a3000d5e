package org.zhiban.dutylog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.LogBook;
import org.zhiban.shared.WordDocuments;
import org.zhiban.shared.Zones;

/** A year's log book as a Word document, A4 landscape, in the printed page's layout. */
final class LogBookDocument {

    private static final List<String> HEADINGS = List.of("编号", "时间", "类别", "来电人", "事由", "处理情况及结果", "状态",
            "记录人");
    /** Column widths in twips: the matter and its handling take the room, the short columns only what they need. */
    private static final int[] WIDTHS = { 1500, 1850, 800, 1800, 3600, 2700, 800, 1520 };
    private static final String FONT = "宋体";

    private LogBookDocument() {
    }

    static byte[] render(LogBook book) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordDocuments.a4(document, true, 1134, 1134, 1134);
            WordDocuments.paragraph(document, book.unitName() + "值班记录簿（" + book.year() + "年）", FONT, 16, true,
                    ParagraphAlignment.CENTER);
            WordDocuments.paragraph(document, LogBookPages.summary(book), FONT, 10, false, ParagraphAlignment.CENTER);
            WordDocuments.paragraph(document, LogBookPages.retention(book), FONT, 10, false, ParagraphAlignment.CENTER);
            XWPFTable table = WordDocuments.table(document, book.pages().size() + 1, WIDTHS);
            for (int i = 0; i < HEADINGS.size(); i++) {
                cell(table.getRow(0), i, HEADINGS.get(i), true);
            }
            table.getRow(0).setRepeatHeader(true);
            int r = 1;
            for (LogBook.Page page : book.pages()) {
                DutyLogEntry e = page.entry();
                XWPFTableRow row = table.getRow(r++);
                cell(row, 0, e.number(), false);
                cell(row, 1, Zones.MINUTE.format(e.occurredAt()), false);
                cell(row, 2, e.kind().label(), false);
                cell(row, 3, LogBookPages.caller(e), false);
                cell(row, 4, LogBookPages.matter(e) + LogBookPages.corrections(page), false);
                cell(row, 5, LogBookPages.handling(e), false);
                cell(row, 6, e.followUp().label(), false);
                cell(row, 7, LogBookPages.recorder(page), false);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        WordDocuments.cell(row.getCell(column), text, FONT, 9, bold);
    }
}

package org.zhiban.shared;

import java.math.BigInteger;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The page, paragraphs and tables of the Word forms offices print and file (.docx through Apache POI). Sizes are in
 * twips (a twentieth of a point). Tables are laid out fixed: Word and LibreOffice otherwise share the width out by
 * content, and a form's labels would take as much room as its values.
 */
public final class WordDocuments {

    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;

    private WordDocuments() {
    }

    /** An A4 page with the given margins; returns the width left for text. */
    public static int a4(XWPFDocument document, boolean landscape, int topAndBottom, int left, int right) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        int width = landscape ? A4_LONG : A4_SHORT;
        size.setW(BigInteger.valueOf(width));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(topAndBottom));
        margins.setBottom(BigInteger.valueOf(topAndBottom));
        margins.setLeft(BigInteger.valueOf(left));
        margins.setRight(BigInteger.valueOf(right));
        return width - left - right;
    }

    public static XWPFParagraph paragraph(XWPFDocument document, String text, String font, int size, boolean bold,
            ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, font, size, bold);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text == null ? "" : text);
    }

    /** A table of {@code rows} rows whose columns have exactly these widths, whatever their content. */
    public static XWPFTable table(XWPFDocument document, int rows, int... widths) {
        XWPFTable table = document.createTable(rows, widths.length);
        table.setTableAlignment(TableRowAlign.CENTER);
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(Integer.toString(total));
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            widths(row, widths);
        }
        return table;
    }

    /** A cell's text in its one paragraph. */
    public static void cell(XWPFTableCell cell, String text, String font, int size, boolean bold) {
        run(cell.getParagraphs().get(0), text, font, size, bold);
    }

    private static void widths(XWPFTableRow row, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(Integer.toString(widths[c]));
        }
    }
}

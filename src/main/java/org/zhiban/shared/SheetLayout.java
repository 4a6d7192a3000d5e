package org.zhiban.shared;

import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** How the spreadsheets offices print are laid out: A4 landscape, one page wide, the header row on every page. */
public final class SheetLayout {

    private SheetLayout() {
    }

    public static void printAsOffices(Sheet sheet, int headerRow, int columns, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, columns - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /** A cell ruled on every side, its text centred vertically. */
    public static CellStyle bordered(Workbook book) {
        CellStyle style = book.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** A row of text cells, each in {@code style}. */
    public static void row(Row row, List<String> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(values.get(c));
            cell.setCellStyle(style);
        }
    }
}

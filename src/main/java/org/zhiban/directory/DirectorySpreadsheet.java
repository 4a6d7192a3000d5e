package org.zhiban.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.shared.Actor;
import org.zhiban.shared.SheetLayout;
import org.zhiban.shared.Zones;

/**
 * The subtree's {@link DirectoryBook} as the .xlsx offices print: one sheet per level, each unit's institution row
 * followed by the people its level lists. The download is recorded in the audit trail like every other.
 */
@Service
public class DirectorySpreadsheet {

    private static final List<String> COLUMNS = List.of("单位", "值班电话", "传真", "地址", "邮编", "姓名", "职务", "手机",
            "办公电话", "备注");
    private static final int[] WIDTHS = {24, 14, 14, 22, 8, 8, 16, 13, 14, 16};

    private final DutyDirectory directory;

    DirectorySpreadsheet(DutyDirectory directory) {
        this.directory = directory;
    }

    public byte[] export(Actor actor, UUID unitId) {
        DirectoryBook directoryBook = directory.book(actor, unitId, null, Integer.MAX_VALUE);
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = bordered(book, true);
            CellStyle body = bordered(book, false);
            for (DirectoryBook.Level level : directoryBook.levels()) {
                Sheet sheet = book.createSheet(level.level().label());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(directoryBook.root().name() + "值班通讯录（" + level.level().label()
                        + "） 导出于 " + Zones.MINUTE.format(directoryBook.madeAt()));
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
                SheetLayout.row(sheet.createRow(1), COLUMNS, header);
                int r = 2;
                for (DirectoryBook.Listing listing : level.units()) {
                    Unit unit = listing.unit();
                    SheetLayout.row(sheet.createRow(r++), List.of(unit.name(), text(unit.dutyPhone()), text(unit.fax()),
                            text(unit.address()), text(unit.postcode()), "", "", "", "", ""), body);
                    for (Person p : listing.people()) {
                        SheetLayout.row(sheet.createRow(r++), List.of("", "", "", "", "", p.name(), text(p.position()),
                                text(p.mobile()), text(p.officePhone()), text(p.remark())), body);
                    }
                }
                SheetLayout.printAsOffices(sheet, 1, COLUMNS.size(), WIDTHS);
            }
            book.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException("Writing the directory spreadsheet failed", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static CellStyle bordered(Workbook book, boolean bold) {
        CellStyle style = SheetLayout.bordered(book);
        if (bold) {
            Font font = book.createFont();
            font.setBold(true);
            style.setFont(font);
        }
        return style;
    }
}

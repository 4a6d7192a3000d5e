package org.zhiban.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.SheetLayout;
import org.zhiban.shared.Zones;

/**
 * The subtree's directory as the .xlsx offices print: one sheet per level (市级, 县（区）级, 镇（街道）级), each unit's
 * institution row followed by the people its level lists, with full numbers — a printed directory is for calling
 * from. The download is recorded in the audit trail like every other.
 */
@Service
public class DirectorySpreadsheet {

    private static final List<String> COLUMNS = List.of("单位", "值班电话", "传真", "地址", "邮编", "姓名", "职务", "手机",
            "办公电话", "备注");
    private static final int[] WIDTHS = {24, 14, 14, 22, 8, 8, 16, 13, 14, 16};

    private final DutyDirectory directory;
    private final UnitTree unitTree;
    private final Clock clock;

    DirectorySpreadsheet(DutyDirectory directory, UnitTree unitTree, Clock clock) {
        this.directory = directory;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public byte[] export(Actor actor, UUID unitId) {
        Unit root = directory.visibleUnit(actor, unitId);
        List<Unit> units = new ArrayList<>(List.of(root));
        units.addAll(unitTree.below(root.id()));
        Map<UUID, List<Person>> people = directory.everyoneListed(units).stream()
                .collect(Collectors.groupingBy(Person::unitId));
        Map<UnitLevel, List<Unit>> byLevel = new EnumMap<>(UnitLevel.class);
        Map<UUID, String> names = units.stream().collect(Collectors.toMap(Unit::id, Unit::name));
        units.stream().sorted(java.util.Comparator.comparing((Unit u) -> names.getOrDefault(u.parentId(), ""))
                .thenComparing(Unit::name))
                .forEach(u -> byLevel.computeIfAbsent(u.level(), l -> new ArrayList<>()).add(u));
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = bordered(book, true);
            CellStyle body = bordered(book, false);
            for (Map.Entry<UnitLevel, List<Unit>> level : byLevel.entrySet()) {
                Sheet sheet = book.createSheet(level.getKey().label());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(root.name() + "值班通讯录（" + level.getKey().label() + "） 导出于 "
                        + Zones.MINUTE.format(clock.instant()));
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
                write(sheet.createRow(1), COLUMNS, header);
                int r = 2;
                for (Unit unit : level.getValue()) {
                    write(sheet.createRow(r++), List.of(unit.name(), text(unit.dutyPhone()), text(unit.fax()),
                            text(unit.address()), text(unit.postcode()), "", "", "", "", ""), body);
                    for (Person p : people.getOrDefault(unit.id(), List.of())) {
                        write(sheet.createRow(r++), List.of("", "", "", "", "", p.name(), text(p.position()),
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

    private static void write(Row row, List<String> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(values.get(c));
            cell.setCellStyle(style);
        }
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

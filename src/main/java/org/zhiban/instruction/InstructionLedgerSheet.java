package org.zhiban.instruction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiban.shared.Formats;
import org.zhiban.shared.SheetLayout;
import org.zhiban.shared.Zones;

/**
 * The 督办台账 as the .xlsx an office prints and files: one line per unit asked to act on each instruction, with the
 * instruction's number, leader and text, the unit's status and deadline, and its mark in words at the moment of export
 * (已超期 / 将到期 / 临近) or, once fed back, whether it was late.
 */
public final class InstructionLedgerSheet {

    private static final List<String> COLUMNS = List.of("编号", "批示领导", "来源", "收到时间", "批示内容", "类别",
            "登记单位", "向上反馈时限", "承办单位", "牵头/配合", "办理状态", "反馈时限", "时限情况");
    private static final int[] WIDTHS = { 12, 14, 14, 16, 40, 6, 20, 16, 22, 8, 10, 16, 12 };

    private InstructionLedgerSheet() {
    }

    public static byte[] of(String title, List<Instruction> instructions, Instant now) {
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("督办台账");
            sheet.createRow(0).createCell(0).setCellValue(title + " 导出于 " + Zones.MINUTE.format(now));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.size() - 1));
            CellStyle style = SheetLayout.bordered(book);
            SheetLayout.row(sheet.createRow(1), COLUMNS, style);
            int r = 2;
            for (Instruction i : instructions) {
                List<String> head = List.of(i.number(), i.leaderName() + " " + text(i.leaderPost()), i.sourceLabel(),
                        minute(i.receivedAt()), i.text(), i.kindLabel(), i.unitName(),
                        Formats.datedDeadline(i.dueAt()));
                if (i.assignments().isEmpty()) {
                    SheetLayout.row(sheet.createRow(r++), head, style);
                }
                for (Instruction.InstructionAssignment a : i.assignments()) {
                    List<String> line = new ArrayList<>(head);
                    String by = a.parentId() == null ? "" : "（" + a.assignerUnitName() + "转办）";
                    line.addAll(List.of(a.unitName() + by, a.lead() ? "牵头" : "配合", a.statusLabel(),
                            Formats.datedDeadline(a.feedbackDueAt()), mark(a, now)));
                    SheetLayout.row(sheet.createRow(r++), line, style);
                }
            }
            SheetLayout.printAsOffices(sheet, 1, COLUMNS.size(), WIDTHS);
            book.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit's deadline in words: its mark while open, whether its feedback was late once closed. */
    static String mark(Instruction.InstructionAssignment a, Instant now) {
        boolean late = a.obligations().stream().anyMatch(Instruction.InstructionObligation::late);
        if (a.feedbackDueAt() == null || a.status().isClosed() || a.status() == AssignmentStatus.FINAL_FILED) {
            return late ? "逾期反馈" : "";
        }
        return TimeLeft.of(a.feedbackDueAt().toInstant(), now).label();
    }

    private static String minute(OffsetDateTime at) {
        return at == null ? "" : Zones.MINUTE.format(at);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

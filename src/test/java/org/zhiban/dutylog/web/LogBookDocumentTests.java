package org.zhiban.dutylog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.LogBook;
import org.zhiban.shared.ChainHash;

/** The printed book (.docx): who wrote each entry by name, for whom when not on the shift, and how long it is kept. */
class LogBookDocumentTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-30T09:15:00+08:00");

    @Test
    void theRecorderIsThePersonAndAnEntryWrittenForTheShiftsOfficerSaysForWhom() throws IOException {
        DutyLogEntry own = entry(7, "jintai", null, null);
        DutyLogEntry forOfficer = entry(8, "qishan-head", "周主任", "本班值班员 王某");
        try (XWPFDocument document = render(book(List.of(new LogBook.Page(own, List.of(), "赵彬勇"),
                new LogBook.Page(forOfficer, List.of(), "周主任")), Optional.empty()))) {
            List<XWPFTableRow> rows = document.getTables().get(0).getRows();
            assertThat(rows.get(0).getCell(7).getText()).isEqualTo("记录人");
            assertThat(rows.get(1).getCell(7).getText()).isEqualTo("赵彬勇");
            assertThat(rows.get(2).getCell(7).getText()).isEqualTo("周主任（代本班值班员 王某 记录）");
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("保存期限：本单位值班规范未作规定");
        }
    }

    @Test
    void theBookStatesHowLongItIsKeptAsThePolicySays() throws IOException {
        LogBook.Retention kept = new LogBook.Retention("保存1年以上，至少至 2027-12-31（龙政办〔2023〕2号 六（二））",
                LocalDate.of(2027, 12, 31), "龙政办〔2023〕2号 六（二）", false);
        try (XWPFDocument document = render(book(List.of(new LogBook.Page(entry(1, "longting", null, null), List.of(),
                "钱某")), Optional.of(kept)))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("保存期限：保存1年以上，至少至 2027-12-31（龙政办〔2023〕2号 六（二））");
        }
    }

    private static XWPFDocument render(LogBook book) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(LogBookDocument.render(book)));
    }

    private static LogBook book(List<LogBook.Page> pages, Optional<LogBook.Retention> retention) {
        return new LogBook(UNIT, "岐山县人民政府", 2026, false, pages, new DutyLog.ChainCheck(UNIT, 2026, ChainHash.HMAC_SM3, pages.size(), true,
                List.of()), retention);
    }

    private static DutyLogEntry entry(int sequence, String username, String writtenBy, String writtenFor) {
        return new DutyLogEntry(UUID.randomUUID(), UNIT, String.format("2026-%06d", sequence), 2026, sequence, 1,
                EntryKind.EVENT, AT, null, "接县应急局通知", null, null, null, null, null, null, FollowUp.DONE, null, AT,
                username, writtenBy, writtenFor);
    }
}

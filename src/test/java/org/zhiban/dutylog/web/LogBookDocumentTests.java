package org.zhiban.dutylog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.LogBook;

/** The printed book (.docx) names who wrote an entry for the shift's officer when it was not that officer. */
class LogBookDocumentTests {

    @Test
    void anEntryWrittenForTheShiftsOfficerSaysSoInTheDocument() throws IOException {
        UUID unit = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2026-11-30T09:15:00+08:00");
        DutyLogEntry entry = new DutyLogEntry(UUID.randomUUID(), unit, "2026-000007", 2026, 7, 1, EntryKind.EVENT, at,
                null, "接县应急局通知", null, null, null, null, null, null, FollowUp.DONE, null, at, "qishan-head",
                "周主任", "本班值班员 王某");
        LogBook book = new LogBook(unit, "岐山县人民政府", 2026, false, List.of(new LogBook.Page(entry, List.of())),
                new DutyLog.ChainCheck(unit, 2026, 1, true, List.of()), java.util.Optional.empty());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(LogBookDocument.render(book)));
                XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("qishan-head（由 周主任 代本班值班员 王某 记录）");
        }
    }
}

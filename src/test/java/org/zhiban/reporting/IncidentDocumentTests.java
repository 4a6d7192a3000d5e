package org.zhiban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The chain as a 信息报送单: its head says who sends, who signed off, when, and whom to call back on which number. */
class IncidentDocumentTests {

    /** Stored in UTC; the form says the minute in China. */
    private static final OffsetDateTime LEARNED = OffsetDateTime.parse("2026-11-30T01:02:00Z");

    @Test
    void theHeadNamesTheUnitSignerTimeContactAndPhoneOfTheLatestWrittenReportInNarrowLabelsAndWideValues() throws IOException {
        Incident incident = incident(List.of(
                report(1, ReportChannel.PHONE, null, "李明", LEARNED.plusMinutes(5)),
                report(2, ReportChannel.WRITTEN, "王主任", "赵彬勇", LEARNED.plusMinutes(11)),
                report(3, ReportChannel.PHONE, null, "李明", LEARNED.plusMinutes(40))));
        assertThat(IncidentDocument.head(incident)).extracting(pair -> pair[0] + "：" + pair[1]).containsExactly(
                "报送单位：金台区人民政府", "签发人：王主任", "报送时间：2026年11月30日 09:13", "联系人：赵彬勇",
                "接收单位：宝鸡市人民政府（并越级直报）", "电话：0917-3261234");

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(IncidentDocument.of(incident)))) {
            XWPFTable head = document.getTables().get(0);
            assertThat(head.getRow(0).getCell(2).getText()).isEqualTo("签发人");
            assertThat(head.getRow(0).getCell(3).getText()).isEqualTo("王主任");
            assertThat(head.getRow(1).getCell(0).getText()).isEqualTo("报送时间");
            assertThat(head.getRow(1).getCell(1).getText()).isEqualTo("2026年11月30日 09:13");
            XWPFTable facts = document.getTables().get(1);
            assertThat(facts.getRow(0).getCell(0).getText()).isEqualTo("事件标题");
            assertThat(width(facts, 0) * 4).as("the label column is narrow, the value wide")
                    .isLessThan(width(facts, 1));
            assertThat(facts.getCTTbl().getTblPr().getTblLayout().getType().toString()).isEqualTo("fixed");
        }
        // Before any report the signer and the time are left blank to be written in; whoever entered it is the contact.
        assertThat(IncidentDocument.head(incident(List.of()))).extracting(pair -> pair[1]).containsExactly(
                "金台区人民政府", null, null, "周伟", "宝鸡市人民政府（并越级直报）", "0917-3261234");
    }

    private static int width(XWPFTable table, int column) {
        return ((BigInteger) table.getCTTbl().getTblGrid().getGridColArray(column).getW()).intValue();
    }

    private static Incident incident(List<IncidentReport> reports) {
        return new Incident(UUID.randomUUID(), UUID.randomUUID(), "金台区人民政府", "0917-3261234", UUID.randomUUID(),
                "宝鸡市人民政府", true, IncidentCategory.NATURAL_DISASTER, "自然灾害", Severity.II, "重大（Ⅱ级）",
                "金台区陈仓镇山体滑坡", "陈仓镇", LEARNED.minusMinutes(10), LEARNED, null, null, "山体滑坡掩埋民房 2 间",
                "周伟", LEARNED, null, reports, List.of());
    }

    private static IncidentReport report(int seq, ReportChannel channel, String signer, String filedBy,
            OffsetDateTime at) {
        return new IncidentReport(UUID.randomUUID(), seq, ReportStage.INITIAL, "首报", channel, channel.label(),
                "陈仓镇发生山体滑坡", null, null, null, null, null, null, null, null, null,
                channel == ReportChannel.PHONE ? "市值班室" : null, signer, "jintai", filedBy, at, null, null, null);
    }
}

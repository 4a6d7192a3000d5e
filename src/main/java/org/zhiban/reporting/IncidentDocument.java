package org.zhiban.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.http.ResponseEntity;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.WordDocuments;
import org.zhiban.shared.Zones;

/**
 * An incident's chain as a Word document laid out like an information report form (信息报送单): a title, the head
 * (报送单位, 签发人, 报送时间, 联系人, 电话), the incident's facts in a table, then each report of the chain with its
 * signer. Labels sit in a narrow column of fixed width, values in a wide one.
 */
public final class IncidentDocument {

    private static final String FONT = "仿宋";
    private static final String TITLE_FONT = "方正小标宋简体";
    /** The time a form was sent, as offices write it: to the minute, in China. */
    static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Zones.CHINA);
    /** Twips: a label of four characters and its cell margins; the rest of the line is the value's. */
    private static final int LABEL = 1300;
    /** Twips: a name of five characters, or a duty phone with its area code. */
    private static final int SHORT = 2100;

    private IncidentDocument() {
    }

    /** The form as a download named after the incident. */
    public static ResponseEntity<byte[]> download(Incident incident) {
        return Downloads.docx("信息报送单-" + incident.title() + ".docx", of(incident));
    }

    static byte[] of(Incident incident) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int width = WordDocuments.a4(document, false, 1440, 1588, 1474);
            WordDocuments.paragraph(document, "突发事件信息报送单", TITLE_FONT, 22, true, ParagraphAlignment.CENTER);
            List<String[]> head = head(incident);
            // Units and the time take the wide column, a name or a phone number the narrow one.
            XWPFTable headTable = WordDocuments.table(document, head.size() / 2, LABEL, width - 2 * LABEL - SHORT,
                    LABEL, SHORT);
            for (int i = 0; i < head.size(); i++) {
                XWPFTableRow row = headTable.getRow(i / 2);
                label(row, (i % 2) * 2, head.get(i)[0]);
                WordDocuments.cell(row.getCell((i % 2) * 2 + 1), head.get(i)[1], FONT, 12, false);
            }
            WordDocuments.paragraph(document, "", FONT, 6, false, ParagraphAlignment.LEFT);
            List<String[]> facts = List.of(
                    new String[] { "事件标题", incident.title() },
                    new String[] { "信息类别", incident.categoryLabel() },
                    new String[] { "事件级别", incident.severityLabel() },
                    new String[] { "事发时间", SENT.format(incident.occurredAt()) },
                    new String[] { "接报时间", SENT.format(incident.learnedAt()) },
                    new String[] { "事发地点", incident.place() },
                    new String[] { "人员伤亡", orDash(incident.casualties()) },
                    new String[] { "财产损失", orDash(incident.losses()) },
                    new String[] { "基本情况", incident.summary() });
            XWPFTable factTable = WordDocuments.table(document, facts.size(), LABEL, width - LABEL);
            for (int i = 0; i < facts.size(); i++) {
                label(factTable.getRow(i), 0, facts.get(i)[0]);
                WordDocuments.cell(factTable.getRow(i).getCell(1), facts.get(i)[1], FONT, 12, false);
            }
            for (IncidentReport report : incident.reports()) {
                WordDocuments.paragraph(document, report.stageLabel() + "（第 " + report.seq() + " 报，"
                        + report.channelLabel() + "）　" + SENT.format(report.filedAt()), FONT, 14, true,
                        ParagraphAlignment.LEFT).setSpacingBefore(240);
                WordDocuments.paragraph(document, report.content(), FONT, 14, false, ParagraphAlignment.LEFT);
                line(document, "人员伤亡（核实）", report.casualties());
                line(document, "财产损失（核实）", report.losses());
                line(document, "处置情况", report.disposal());
                line(document, "应对措施", report.measures());
                line(document, "指示批示落实情况", report.instructions());
                line(document, "舆情引导及信息发布", report.publicOpinion());
                line(document, "处置结果", report.outcome());
                line(document, "事件原因", report.cause());
                line(document, "评估总结", report.assessment());
                line(document, "上级接报人", report.phoneTakenBy());
                WordDocuments.paragraph(document, "签发人：" + orDash(report.signer()) + "　　值班员："
                        + report.filedByName() + (report.receivedAt() == null ? "" : "　　签收："
                                + report.receivedByName() + " " + SENT.format(report.receivedAt())), FONT, 12, false,
                        ParagraphAlignment.RIGHT);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The form's head, label and value, as the report it carries was sent: who reports and to whom, who signed it
     * off (签发人), when to the minute, and whom the superior calls back on which number — the officer who filed it
     * and the unit's duty phone. That report is the latest written one, a 报送单 being the written channel, else
     * the latest by phone; what no report has filed yet is left blank to be filled in on paper.
     */
    static List<String[]> head(Incident incident) {
        Optional<IncidentReport> sent = incident.reports().stream()
                .max(Comparator.comparing((IncidentReport r) -> r.channel() == ReportChannel.WRITTEN)
                        .thenComparing(IncidentReport::seq));
        return List.of(
                new String[] { "报送单位", incident.unitName() },
                new String[] { "签发人", sent.map(IncidentReport::signer).orElse(null) },
                new String[] { "报送时间", sent.map(IncidentReport::filedAt).map(SENT::format).orElse(null) },
                new String[] { "联系人", sent.map(IncidentReport::filedByName).orElse(incident.createdByName()) },
                new String[] { "接收单位", (incident.superiorUnitName() == null ? "上级政府值班室"
                        : incident.superiorUnitName()) + (incident.skipLevel() ? "（并越级直报）" : "") },
                new String[] { "电话", incident.unitDutyPhone() });
    }

    private static void label(XWPFTableRow row, int column, String text) {
        WordDocuments.cell(row.getCell(column), text, FONT, 12, true);
        row.getCell(column).getParagraphs().get(0).setAlignment(ParagraphAlignment.CENTER);
    }

    private static void line(XWPFDocument document, String label, String value) {
        if (value != null && !value.isBlank()) {
            WordDocuments.paragraph(document, label + "：" + value, FONT, 14, false, ParagraphAlignment.LEFT);
        }
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}

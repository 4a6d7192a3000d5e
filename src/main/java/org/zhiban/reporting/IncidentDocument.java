package org.zhiban.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.http.ResponseEntity;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.Zones;

/**
 * An incident's chain as a Word document laid out like an information report form (信息报送单): a title, the
 * reporting unit and time, the incident's facts in a table, then each report of the chain with its signer.
 */
public final class IncidentDocument {

    private static final String FONT = "仿宋";
    private static final String TITLE_FONT = "方正小标宋简体";

    private IncidentDocument() {
    }

    /** The form as a download named after the incident. */
    public static ResponseEntity<byte[]> download(Incident incident) {
        return Downloads.docx("信息报送单-" + incident.title() + ".docx", of(incident));
    }

    static byte[] of(Incident incident) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, "突发事件信息报送单", TITLE_FONT, 22, true, ParagraphAlignment.CENTER);
            paragraph(document, "报送单位：" + incident.unitName() + "　　接收单位："
                    + (incident.superiorUnitName() == null ? "上级政府值班室" : incident.superiorUnitName())
                    + (incident.skipLevel() ? "（并越级直报）" : ""), FONT, 12, false, ParagraphAlignment.LEFT);
            XWPFTable facts = document.createTable();
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "事件标题", incident.title() });
            rows.add(new String[] { "信息类别", incident.categoryLabel() });
            rows.add(new String[] { "事件级别", incident.severityLabel() });
            rows.add(new String[] { "事发时间", minute(incident.occurredAt()) });
            rows.add(new String[] { "接报时间", minute(incident.learnedAt()) });
            rows.add(new String[] { "事发地点", incident.place() });
            rows.add(new String[] { "人员伤亡", orDash(incident.casualties()) });
            rows.add(new String[] { "财产损失", orDash(incident.losses()) });
            rows.add(new String[] { "基本情况", incident.summary() });
            for (int i = 0; i < rows.size(); i++) {
                XWPFTableRow row = i == 0 ? facts.getRow(0) : facts.createRow();
                if (i == 0) {
                    row.addNewTableCell();
                }
                row.getCell(0).setText(rows.get(i)[0]);
                row.getCell(1).setText(rows.get(i)[1]);
            }
            for (IncidentReport report : incident.reports()) {
                paragraph(document, report.stageLabel() + "（第 " + report.seq() + " 报，" + report.channelLabel() + "）　"
                        + minute(report.filedAt()), FONT, 14, true, ParagraphAlignment.LEFT);
                paragraph(document, report.content(), FONT, 14, false, ParagraphAlignment.LEFT);
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
                paragraph(document, "签发人：" + orDash(report.signer()) + "　　值班员：" + report.filedByName()
                        + (report.receivedAt() == null ? "" : "　　签收：" + report.receivedByName() + " "
                                + minute(report.receivedAt())), FONT, 12, false, ParagraphAlignment.RIGHT);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(XWPFDocument document, String label, String value) {
        if (value != null && !value.isBlank()) {
            paragraph(document, label + "：" + value, FONT, 14, false, ParagraphAlignment.LEFT);
        }
    }

    private static void paragraph(XWPFDocument document, String text, String font, int size, boolean bold,
            ParagraphAlignment alignment) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }

    private static String minute(OffsetDateTime time) {
        return Zones.MINUTE.format(time);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}

package org.zhiban.instruction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.zhiban.shared.WordDocuments;
import org.zhiban.shared.Zones;

/**
 * A unit's feedback on an instruction as the written reply offices send (一事一文): the title, the office it goes to,
 * the instruction quoted with when it was given and signed for, then 一、落实情况 二、存在问题 三、下一步工作, and the
 * unit's name and date at the foot — 仿宋 三号 on A4 with the margins of an official document (GB/T 9704).
 */
public final class InstructionReply {

    private static final String BODY = "仿宋";
    private static final String HEADING = "黑体";
    private static final String TITLE = "方正小标宋简体";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private InstructionReply() {
    }

    /** The file's name: the instruction's number, the unit and the stage. */
    public static String filename(Instruction instruction, Instruction.InstructionAssignment unit,
            Instruction.InstructionFeedback feedback) {
        return instruction.number() + "-" + unit.unitName() + "-" + feedback.stageLabel() + ".docx";
    }

    public static byte[] of(Instruction instruction, Instruction.InstructionAssignment unit,
            Instruction.InstructionFeedback feedback) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WordDocuments.a4(document, false, 2098, 1588, 1474);
            WordDocuments.paragraph(document, unit.unitName() + "关于" + instruction.leaderName()
                    + (instruction.leaderPost() == null ? "" : instruction.leaderPost()) + "批示" + feedback.stageLabel()
                    + "的报告", TITLE, 22, false, ParagraphAlignment.CENTER).setSpacingAfter(400);
            WordDocuments.paragraph(document, instruction.unitName() + "：", BODY, 16, false, ParagraphAlignment.LEFT);
            body(document, instruction.leaderName() + (instruction.leaderPost() == null ? "" : instruction.leaderPost())
                    + "于" + MINUTE.format(instruction.givenAt()) + "批示（" + instruction.number() + "）：“"
                    + instruction.text() + "”" + (unit.signedAt() == null ? "" : "我单位于"
                            + MINUTE.format(unit.signedAt()) + "签收") + "，现将" + feedback.stageLabel() + "报告如下：");
            section(document, "一、落实情况", feedback.done());
            section(document, "二、存在问题", feedback.problems());
            section(document, "三、下一步工作", feedback.nextSteps());
            if (feedback.finalDueAt() != null) {
                body(document, "情况复杂需较长时间落实，拟于" + MINUTE.format(feedback.finalDueAt()) + "前报送落实情况。");
            }
            WordDocuments.paragraph(document, unit.unitName(), BODY, 16, false, ParagraphAlignment.RIGHT)
                    .setSpacingBefore(600);
            WordDocuments.paragraph(document, DAY.format(feedback.filedAt().atZoneSameInstant(Zones.CHINA)), BODY, 16,
                    false, ParagraphAlignment.RIGHT);
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(XWPFDocument document, String heading, String text) {
        XWPFParagraph title = WordDocuments.paragraph(document, heading, HEADING, 16, false, ParagraphAlignment.LEFT);
        title.setIndentationFirstLine(640);
        body(document, text == null || text.isBlank() ? "无。" : text);
    }

    /** A paragraph of the body, its first line indented two characters. */
    private static void body(XWPFDocument document, String text) {
        WordDocuments.paragraph(document, text, BODY, 16, false, ParagraphAlignment.BOTH).setIndentationFirstLine(640);
    }
}

package org.zhiban.dutylog.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.LogBook;

/** The wording of the printed log book, shared by its page and its Word document. */
public final class LogBookPages {

    private LogBookPages() {
    }

    /** How many entries, their numbers, the chain check and how long the book is kept. */
    public static String summary(LogBook book) {
        String numbers = book.pages().isEmpty() ? "尚无记录"
                : "共 " + book.pages().size() + " 条，编号 " + book.pages().get(0).entry().number() + " 至 "
                        + book.pages().get(book.pages().size() - 1).entry().number();
        String chain = book.chain().intact() ? "哈希链校验完整" : "哈希链校验发现 " + book.chain().breaks().size() + " 处异常";
        String kept = book.retention().map(r -> "；保存至少至 " + r.keepUntil() + "（" + r.citation() + "）").orElse("");
        return numbers + "；" + (book.archived() ? "本年度已归档" : "本年度记录中") + "；" + chain + kept;
    }

    public static String caller(DutyLogEntry e) {
        return Stream.of(e.callerName(), e.callerUnit(), e.callerPhone()).filter(v -> v != null)
                .collect(Collectors.joining(" "));
    }

    /** What happened, where, and who is responsible. */
    public static String matter(DutyLogEntry e) {
        return e.summary() + (e.place() != null ? "（地点：" + e.place() + "）" : "")
                + (e.responsibleUnit() != null ? "（责任单位：" + e.responsibleUnit() + "）" : "");
    }

    /** The writer, and for whom they wrote when they were not on the shift. */
    public static String recorder(DutyLogEntry e) {
        return e.writtenFor() == null ? e.recordedBy() : e.recordedBy() + "（" + e.writtenFor() + "）";
    }

    public static String handling(DutyLogEntry e) {
        return Stream.of(e.handling(), e.outcome()).filter(v -> v != null).collect(Collectors.joining("；"));
    }

    /** The versions an entry corrected, oldest first, each with its wording, so nothing is lost on paper either. */
    public static String corrections(LogBook.Page page) {
        if (page.earlier().isEmpty()) {
            return "";
        }
        return page.earlier().stream().map(v -> "\n〔第" + v.version() + "版：" + v.summary() + "〕")
                .collect(Collectors.joining()) + "\n〔第" + page.entry().version() + "版更正原因："
                + page.entry().correctionNote() + "〕";
    }
}

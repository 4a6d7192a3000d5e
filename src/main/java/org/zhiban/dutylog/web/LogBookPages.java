package org.zhiban.dutylog.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.LogBook;

/** The wording of the printed log book, shared by its page and its Word document. */
public final class LogBookPages {

    private LogBookPages() {
    }

    /** How many entries, their numbers, whether the year is archived and the chain check. */
    public static String summary(LogBook book) {
        String numbers = book.pages().isEmpty() ? "尚无记录"
                : "共 " + book.pages().size() + " 条，编号 " + book.pages().get(0).entry().number() + " 至 "
                        + book.pages().get(book.pages().size() - 1).entry().number();
        String chain = (book.chain().intact() ? "哈希链校验完整"
                : "哈希链校验发现 " + book.chain().breaks().size() + " 处异常") + "（" + book.chain().algorithm() + "）";
        return numbers + "；" + (book.archived() ? "本年度已归档" : "本年度记录中") + "；" + chain;
    }

    /** How long the book is kept, as the unit's policy says, or that its policy says nothing. */
    public static String retention(LogBook book) {
        return "保存期限：" + book.retention().map(LogBook.Retention::statement).orElse("本单位值班规范未作规定");
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

    /** The person who wrote the entry, and for whom when they were not on the shift ("周主任（代本班值班员 王某 记录）"). */
    public static String recorder(LogBook.Page page) {
        String writtenFor = page.entry().writtenForName();
        return writtenFor == null ? page.recorder() : page.recorder() + "（代" + writtenFor + " 记录）";
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

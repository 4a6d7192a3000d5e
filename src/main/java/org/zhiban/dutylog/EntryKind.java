package org.zhiban.dutylog;

/** What a duty-log entry records. */
public enum EntryKind {
    INCOMING_CALL("来电", true),
    OUTGOING_CALL("去电", true),
    FAX("传真", false),
    DOCUMENT("文件", false),
    SYSTEM_MESSAGE("系统消息", false),
    EVENT("事件", false),
    INSTRUCTION_RELAYED("传达指示", false),
    OTHER("其他", false);

    private final String label;
    private final boolean call;

    EntryKind(String label, boolean call) {
        this.label = label;
        this.call = call;
    }

    public String label() {
        return label;
    }

    /** A telephone call, whose record must name the other party. */
    public boolean isCall() {
        return call;
    }
}

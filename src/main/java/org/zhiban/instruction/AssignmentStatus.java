package org.zhiban.instruction;

/** Where an acting unit stands with an instruction forwarded to it. */
public enum AssignmentStatus {
    FORWARDED("待签收"),
    SIGNED("已签收"),
    INITIAL_FILED("已报初步落实情况"),
    IN_PROGRESS("落实中"),
    FINAL_FILED("已反馈待审核"),
    RETURNED("已退回"),
    ACCEPTED("已办结"),
    READ("已阅知");

    private final String label;

    AssignmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Once accepted (or read, for 参阅) nothing more is filed. */
    public boolean isClosed() {
        return this == ACCEPTED || this == READ;
    }
}

package org.zhiban.handover;

public enum HandoverStatus {
    AWAITING_ACCEPTANCE("待接班"),
    ACCEPTED("已接班");

    private final String label;

    HandoverStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

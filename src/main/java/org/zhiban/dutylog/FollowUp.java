package org.zhiban.dutylog;

/** Where an entry's matter stands; at handover the last three carry over to the next shift. */
public enum FollowUp {
    DONE("已办结"),
    PENDING("待办"),
    TRACKING("跟踪"),
    WATCH("关注");

    private final String label;

    FollowUp(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.directory;

/** Where a principal's absence notice stands. */
public enum AbsenceStatus {
    /** Notified; no approval asked by the unit's policy. */
    NOTIFIED("已报备"),
    /** Asked of the superior, which approves or refuses (X区 第十条: 请销假). */
    AWAITING_APPROVAL("待审批"),
    APPROVED("已批准"),
    REFUSED("未批准"),
    /** Back, the return recorded (销假). */
    RETURNED("已销假");

    private final String label;

    AbsenceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the principal is (or will be) away under this notice. */
    public boolean isAway() {
        return this == NOTIFIED || this == AWAITING_APPROVAL || this == APPROVED;
    }
}

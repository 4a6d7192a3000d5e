package org.zhiban.supervision;

/** The organiser's answer to a called unit's leave request (因故不能参加的，要提前请假). */
public enum LeaveDecision {
    GRANTED("已准假"),
    REFUSED("不准假");

    private final String label;

    LeaveDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.obligation;

/** Where an obligation stands. */
public enum ObligationStatus {
    OPEN("待办"),
    FULFILLED("已办结"),
    WAIVED("已免除");

    private final String label;

    ObligationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

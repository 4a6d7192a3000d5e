package org.zhiban.obligation;

/** Where an obligation stands. */
public enum ObligationStatus {
    OPEN("待办"),
    FULFILLED("已办结"),
    WAIVED("已免除"),
    /** Never fulfilled, found out afterwards and recorded by the superior: a report missed, concealed or false. */
    BREACHED("已认定未履行");

    private final String label;

    ObligationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

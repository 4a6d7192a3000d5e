package org.zhiban.roster;

/** The two positions of a shift. */
public enum DutyRole {
    LEADER("带班领导"),
    OFFICER("值班员");

    private final String label;

    DutyRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.roster;

/** Where a holiday roster filing stands, as the superior reads it; the ones needing attention first. */
public enum FilingStatus {
    MISSING("逾期未报备"),
    LATE("逾期报备"),
    PENDING("待报备"),
    FILED("已按时报备");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.organization;

/** The administrative level of a unit. */
public enum UnitLevel {
    CITY("市级"),
    COUNTY("县（区）级"),
    TOWN("镇（街道）级");

    private final String label;

    UnitLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

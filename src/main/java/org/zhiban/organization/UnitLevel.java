package org.zhiban.organization;

/**
 * The administrative level of a unit. A province's general duty office (省政府总值班室) reads the whole tree of its
 * cities, counties and towns; its departments sit at the provincial level beside it.
 */
public enum UnitLevel {
    PROVINCE("省级"),
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

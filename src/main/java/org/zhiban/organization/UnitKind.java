package org.zhiban.organization;

/** What kind of body a unit is. */
public enum UnitKind {
    PEOPLES_GOVERNMENT("人民政府"),
    WORKING_DEPARTMENT("政府工作部门"),
    DIRECTLY_AFFILIATED_INSTITUTION("直属机构"),
    MANAGEMENT_COMMITTEE("管委会"),
    TOWN_STREET("镇（街道）"),
    OTHER("其他");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.instruction;

/** Whose instruction it is: the source sets the feedback deadline (第十五条). */
public enum InstructionSource {
    STATE_COUNCIL("国务院领导同志"),
    PROVINCE("省政府领导同志"),
    CITY("市政府领导同志"),
    COUNTY("县（区）政府领导同志"),
    SUPERIOR_OFFICE("上级值班室");

    private final String label;

    InstructionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

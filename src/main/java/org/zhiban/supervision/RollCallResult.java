package org.zhiban.supervision;

/** What the organiser found of a unit called (第二十六条 提前就位，全程参与). */
public enum RollCallResult {
    ON_TIME("准时", true),
    LATE("迟到", true),
    ABSENT("缺席", false),
    ON_LEAVE("请假", false),
    PICTURE_FAULT("画面故障", true),
    SOUND_FAULT("声音故障", true),
    NETWORK_FAULT("网络故障", true);

    private final String label;
    private final boolean attended;

    RollCallResult(String label, boolean attended) {
        this.label = label;
        this.attended = attended;
    }

    public String label() {
        return label;
    }

    /** Whether the unit took part, and so owes the report of the points to its head. */
    public boolean attended() {
        return attended;
    }

    /** The key that marks it on the call sheet: 1 for 准时 through 7 for 网络故障. */
    public int key() {
        return ordinal() + 1;
    }
}

package org.zhiban.reporting;

/** The four levels of an incident (突发事件分级). */
public enum Severity {
    I("特别重大（Ⅰ级）"),
    II("重大（Ⅱ级）"),
    III("较大（Ⅲ级）"),
    IV("一般（Ⅳ级）");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Especially major or major: the levels with phone and written deadlines and skip-level reporting. */
    public boolean isMajor() {
        return this == I || this == II;
    }
}

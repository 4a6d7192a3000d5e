package org.zhiban.reporting;

/** 紧急情况下，可先电话报告，后及时补报书面信息 (宝政办发〔2022〕43号 第十九条). */
public enum ReportChannel {
    PHONE("电话"),
    WRITTEN("书面");

    private final String label;

    ReportChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.zhiban.reporting;

/** 首报要快、续报要准、终报要全 (龙政办〔2023〕2号 七（一）). */
public enum ReportStage {
    INITIAL("首报"),
    FOLLOW_UP("续报"),
    FINAL("终报");

    private final String label;

    ReportStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

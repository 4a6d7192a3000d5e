package org.zhiban.instruction;

/** 初步落实情况 where the matter is complex and takes longer (第十五条), or the final feedback. */
public enum FeedbackStage {
    INITIAL("初步落实情况"),
    FINAL("落实情况");

    private final String label;

    FeedbackStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

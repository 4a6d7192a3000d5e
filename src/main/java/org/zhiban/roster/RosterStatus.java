package org.zhiban.roster;

public enum RosterStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布");

    private final String label;

    RosterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

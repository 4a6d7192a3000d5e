package org.zhiban.roster;

/** Where a swap stands: asked, agreed by the colleague, then approved (the roster changed) or not. */
public enum SwapStatus {
    REQUESTED("待对方同意", true),
    ACCEPTED("待带班领导审批", true),
    APPROVED("已批准", false),
    DECLINED("对方未同意", false),
    REJECTED("带班领导未批准", false),
    CANCELLED("已撤回", false);

    private final String label;
    private final boolean open;

    SwapStatus(String label, boolean open) {
        this.label = label;
        this.open = open;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return open;
    }
}

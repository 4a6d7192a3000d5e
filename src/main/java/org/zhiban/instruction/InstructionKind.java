package org.zhiban.instruction;

/** What an instruction asks: to act on it (批办), guidance to follow (指导), or for reference (参阅), owing no feedback. */
public enum InstructionKind {
    ACTION("批办"),
    GUIDANCE("指导"),
    REFERENCE("参阅");

    private final String label;

    InstructionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A 参阅 instruction is read and passed on; only the others owe feedback. */
    public boolean owesFeedback() {
        return this != REFERENCE;
    }
}

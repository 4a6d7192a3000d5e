package org.zhiban.instruction;

import java.util.UUID;

/**
 * What the instruction module announces; the notification module tells the duty offices concerned. Titles only; each
 * event's {@code eventId} lets a message be sent once however often the event is delivered.
 */
public final class InstructionEvents {

    private InstructionEvents() {
    }

    /** An instruction was forwarded to a unit that must act on it. */
    public record Forwarded(UUID eventId, UUID instructionId, UUID unitId, UUID assignerUnitId, String title) {
    }

    /** A unit filed feedback (or asked for an extension): the forwarding office learns of it. */
    public record FeedbackFiled(UUID eventId, UUID instructionId, UUID unitId, UUID assignerUnitId, String title) {
    }

    /** The forwarding office accepted or returned a feedback, or decided an extension: the unit learns of it. */
    public record Decided(UUID eventId, UUID instructionId, UUID unitId, UUID assignerUnitId, String title) {
    }
}

package org.zhiban.instruction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A registered instruction, with the units asked to act on it. {@code dueAt} is the registering office's own
 * deadline upward (the end of {@code dueDate}, China time) and {@code provisional} says it was counted on a year whose
 * holiday notice is not loaded yet.
 */
public record Instruction(UUID id, String number, UUID unitId, String unitName, InstructionSource source,
        String sourceLabel, String leaderName, String leaderPost, OffsetDateTime givenAt, OffsetDateTime receivedAt,
        OffsetDateTime registeredAt, String registeredBy, boolean registeredLate, String text, InstructionKind kind,
        String kindLabel, UUID incidentId, UUID previousId, boolean complex, OffsetDateTime dueAt, LocalDate dueDate,
        String citation, boolean provisional, List<InstructionObligation> obligations,
        List<InstructionAssignment> assignments, List<InstructionAttachment> attachments, int version) {

    /** Whether the registering office still owes its own feedback upward. */
    public boolean owesUpward() {
        return !obligations.isEmpty() && "OPEN".equals(obligations.get(0).status());
    }

    /**
     * A unit asked to act, by the office that forwarded it (the registering office, or an acting unit that passed it
     * further down: {@code parentId} is then that unit's assignment), with what it owes and what it has filed.
     */
    public record InstructionAssignment(UUID id, UUID unitId, String unitName, UUID assignerUnitId,
            String assignerUnitName, UUID parentId,
            boolean lead, AssignmentStatus status, String statusLabel, OffsetDateTime forwardedAt, String forwardedBy,
            OffsetDateTime feedbackDueAt, String feedbackCitation, OffsetDateTime signedAt, String signedBy,
            OffsetDateTime reportedAt, String reportedTo, String reportedBy, List<InstructionObligation> obligations,
            List<InstructionFeedback> feedback, List<InstructionExtension> extensions,
            List<InstructionAttachment> attachments) {
    }

    /** A file attached by the registering office, or by an acting unit to its feedback; its content downloads. */
    public record InstructionAttachment(UUID id, String fileName, String contentType, long size, String sha256,
            OffsetDateTime uploadedAt, String uploadedBy) {
    }

    /** An obligation the instruction opened: what is owed, by when, under which article. */
    public record InstructionObligation(UUID id, String kind, String title, OffsetDateTime dueAt, String citation,
            String status, boolean overdue, boolean late) {
    }

    public record InstructionFeedback(UUID id, FeedbackStage stage, String stageLabel, String done, String problems,
            String nextSteps, OffsetDateTime finalDueAt, OffsetDateTime filedAt, String filedBy, boolean late,
            String decision, OffsetDateTime decidedAt, String decidedBy, String returnReason) {
    }

    public record InstructionExtension(UUID id, OffsetDateTime requestedAt, String requestedBy, String reason,
            OffsetDateTime newDueAt, String decision, OffsetDateTime decidedAt, String decidedBy, String comment) {

        /** Where the request stands, in words. */
        public String outcome() {
            return decision == null ? "待审批" : switch (decision) {
                case "GRANTED" -> "已同意";
                case "LAPSED" -> "已报送反馈，申请不再审批";
                default -> "未同意：" + comment;
            };
        }
    }
}

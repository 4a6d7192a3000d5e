package org.zhiban.instruction;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An instruction as the receiving duty office registers it. {@code dueAt} is the deadline a State Council
 * instruction sets, or an earlier one the office chooses; {@code previousId} links a new round on a reply.
 */
public record InstructionCommand(InstructionSource source, String leaderName, String leaderPost,
        OffsetDateTime givenAt, OffsetDateTime receivedAt, String text, InstructionKind kind, UUID leadUnitId,
        List<UUID> supportingUnitIds, OffsetDateTime dueAt, Boolean complex, UUID incidentId, UUID previousId,
        Boolean classified) {
}

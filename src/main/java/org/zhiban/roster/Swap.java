package org.zhiban.roster;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A swap (调班) as people read it: who gives up which shift, who takes it (and which shift they give in exchange, if
 * any), why, and where it stands. Times in China.
 */
public record Swap(UUID id, UUID rosterId, UUID unitId, UUID slotId, String shift, DutyRole role, UUID requesterId,
        String requesterName, UUID counterpartId, String counterpartName, UUID counterpartSlotId,
        String counterpartShift, String reason, SwapStatus status, OffsetDateTime requestedAt, String requestedBy,
        OffsetDateTime answeredAt, OffsetDateTime decidedAt, String decidedBy, String note) {

    /** In one line, as a message title or a history entry says it. */
    public String summary() {
        return requesterName + " " + shift + (counterpartShift == null ? " 由 " + counterpartName + " 替班"
                : " 与 " + counterpartName + " " + counterpartShift + " 互换");
    }
}

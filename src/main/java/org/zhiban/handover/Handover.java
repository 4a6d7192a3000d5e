package org.zhiban.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.dutylog.FollowUp;

/**
 * A shift's handover: its items, equipment and notes, with the outgoing officer's confirmation and, once accepted,
 * the incoming officer's. A draft not yet signed has no id. {@code lateAcceptance} says, with its article, when the
 * incoming officer accepted later than the unit's policy asks.
 */
public record Handover(UUID id, UUID unitId, OffsetDateTime shiftStart, OffsetDateTime shiftEnd, HandoverStatus status,
        List<HandoverItem> items, List<EquipmentCheck> equipment, String notes, String preparedBy,
        String preparedByName, OffsetDateTime preparedAt, String acceptedBy, String acceptedByName,
        OffsetDateTime acceptedAt, String acceptanceRemark, String lateAcceptance) {

    public List<HandoverItem> itemsOf(FollowUp kind) {
        return items.stream().filter(item -> item.kind() == kind).toList();
    }
}

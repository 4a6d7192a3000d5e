package org.zhiban.handover;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.dutylog.FollowUp;

/**
 * A shift's handover: its items, equipment and notes, with the outgoing officer's confirmation and, once accepted,
 * the incoming officer's. A draft not yet signed has no id. {@code lateAcceptance} says, with its article, when the
 * incoming officer accepted later than the unit's policy asks; {@code preparedForName} and
 * {@code acceptedForName} name the shift's officer the office head signed for, when it was not that officer.
 */
public record Handover(UUID id, UUID unitId, OffsetDateTime shiftStart, OffsetDateTime shiftEnd, HandoverStatus status,
        List<HandoverItem> items, List<EquipmentCheck> equipment, String notes, String preparedBy,
        String preparedByName, OffsetDateTime preparedAt, String acceptedBy, String acceptedByName,
        OffsetDateTime acceptedAt, String acceptanceRemark, String lateAcceptance, String preparedForName,
        String acceptedForName) {

    /** The outgoing signature as the record shows it: the officer, or "由 X 代 Y 签署" when the head signed for them. */
    public String outgoingSignature() {
        return signature(preparedByName, preparedForName, "签署");
    }

    /** The incoming signature: the officer, or "由 X 代 Y 接班" when the head accepted for them. */
    public String incomingSignature() {
        return acceptedByName == null ? null : signature(acceptedByName, acceptedForName, "接班");
    }

    private static String signature(String by, String forName, String verb) {
        return forName == null ? by : "由 " + by + " 代 " + forName + " " + verb;
    }

    public List<HandoverItem> itemsOf(FollowUp kind) {
        return items.stream().filter(item -> item.kind() == kind).toList();
    }
}

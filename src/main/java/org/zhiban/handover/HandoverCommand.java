package org.zhiban.handover;

import java.util.List;
import java.util.UUID;

/**
 * What the outgoing officer signs: the items, the equipment as checked, and notes. {@code signingFor} is the shift's
 * officer the office head signs for, chosen explicitly; null when an officer of the shift signs themselves.
 */
public record HandoverCommand(List<HandoverItem> items, List<EquipmentCheck> equipment, String notes,
        UUID signingFor) {
}

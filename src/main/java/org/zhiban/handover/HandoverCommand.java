package org.zhiban.handover;

import java.util.List;

/** What the outgoing officer signs: the items, the equipment as checked, and notes. */
public record HandoverCommand(List<HandoverItem> items, List<EquipmentCheck> equipment, String notes) {
}

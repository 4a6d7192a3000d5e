package org.zhiban.handover;

/** One piece of duty equipment as the outgoing officer found it; a fault is described in {@code remark}. */
public record EquipmentCheck(String name, boolean inOrder, String remark) {
}

package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.organization.UnitLevel;

/**
 * A roll call to schedule: when it starts, its agenda items, and the units called — a list, or every unit of the
 * organiser's subtree at one level.
 */
public record RollCallCommand(OffsetDateTime startsAt, List<String> agenda, List<UUID> unitIds, UnitLevel level) {
}

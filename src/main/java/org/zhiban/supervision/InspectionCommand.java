package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An inspection as the inspecting office records it.
 *
 * @param kind     SITE_VISIT, YEARLY_INSPECTION, PHONE_REMINDER, TALK or LETTER
 * @param heldAt   null for now
 * @param demand   the rectification demanded, which issues a rectification notice; null or blank for none
 */
public record InspectionCommand(UUID unitId, String kind, OffsetDateTime heldAt, String findings, String demand) {
}

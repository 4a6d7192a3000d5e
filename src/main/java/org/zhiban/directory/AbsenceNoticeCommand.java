package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A principal leader's absence, as the duty office files it.
 *
 * @param urgent   an urgent trip, notified by phone first and in writing now (where the policy allows it)
 * @param phonedAt when the superior's duty office was told by phone, for an urgent trip
 */
public record AbsenceNoticeCommand(UUID personId, String reason, String destination, OffsetDateTime departAt,
        OffsetDateTime returnAt, UUID actingPersonId, String contact, Boolean urgent, OffsetDateTime phonedAt,
        Boolean classified) {
}

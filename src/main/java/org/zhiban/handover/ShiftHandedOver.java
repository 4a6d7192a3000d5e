package org.zhiban.handover;

import java.time.Instant;
import java.util.UUID;

/** A shift was accepted by the incoming officer; {@code carriedOver} items went on to the next shift. */
public record ShiftHandedOver(UUID handoverId, UUID unitId, Instant shiftStart, Instant shiftEnd, String outgoing,
        String incoming, Instant acceptedAt, int carriedOver) {
}

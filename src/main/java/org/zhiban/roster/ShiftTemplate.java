package org.zhiban.roster;

import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;

/** One shift of a unit's day: its name, start, length and the number of duty officers besides the leader. */
public record ShiftTemplate(UUID id, UUID unitId, String name, LocalTime startTime, Duration duration, int officers,
        int sortOrder) {
}

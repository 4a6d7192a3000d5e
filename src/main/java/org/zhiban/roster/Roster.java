package org.zhiban.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A unit's roster of one month: its shifts, each with a leader on duty and its duty officers; times in China. */
public record Roster(UUID id, UUID unitId, LocalDate month, RosterStatus status, OffsetDateTime publishedAt, int version,
        List<Shift> shifts) {

    /** One shift and its positions. */
    public record Shift(UUID id, String name, LocalDate day, OffsetDateTime start, OffsetDateTime end, int officersRequired,
            List<Position> positions) {
    }

    /** One position of a shift and who holds it (null when empty). */
    public record Position(UUID slotId, DutyRole role, int index, UUID personId, String personName, boolean pinned) {
    }
}

package org.zhiban.roster.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * One shift to staff: its unit and rules, when it runs, and what kind of time it is (night, weekend or holiday,
 * important period) for balancing and staffing.
 */
public record PlannedShift(@PlanningId UUID id, UnitRules rules, LocalDate day, Instant start, Instant end,
        boolean night, boolean weekendOrHoliday, boolean important) {

    public UUID unitId() {
        return rules.unitId();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(PlannedShift other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** The rest between this shift and another of the same person (negative when they overlap). */
    public Duration restBefore(PlannedShift later) {
        return Duration.between(end, later.start);
    }
}

package org.zhiban.roster.solver;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import org.zhiban.roster.DutyRole;

/**
 * A person who stands duty: leader on duty or duty officer of a unit, full- or part-time, with the date of the
 * pre-duty training (null if none), the days on leave or otherwise unavailable, and the fewest shifts the plan
 * must give them (a part-time duty officer's monthly minimum; zero where no minimum applies).
 */
public record Candidate(@PlanningId UUID id, UUID unitId, String name, DutyRole role, boolean formalStaff,
        boolean partTime, LocalDate trainedOn, Set<LocalDate> unavailable, int minShifts) {

    public boolean availableOn(LocalDate day) {
        return !unavailable.contains(day);
    }

    public boolean trainedBefore(LocalDate day) {
        return trainedOn != null && trainedOn.isBefore(day);
    }
}

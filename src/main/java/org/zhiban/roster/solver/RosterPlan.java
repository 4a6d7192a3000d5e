package org.zhiban.roster.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A roster to check or to fill: the candidates, the shifts and their positions — for one unit, or for a whole
 * subtree at once where leaders may be shared. Hard score: rules broken; medium: positions left empty; soft:
 * unfairness of shifts, nights and weekend or holiday shifts between people.
 */
@PlanningSolution
public class RosterPlan {

    @ProblemFactCollectionProperty
    private List<Candidate> candidates;
    @ProblemFactCollectionProperty
    private List<PlannedShift> shifts;
    @PlanningEntityCollectionProperty
    private List<Slot> slots;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public RosterPlan() {
    }

    public RosterPlan(List<Candidate> candidates, List<PlannedShift> shifts, List<Slot> slots) {
        this.candidates = candidates;
        this.shifts = shifts;
        this.slots = slots;
    }

    public List<Candidate> getCandidates() {
        return candidates;
    }

    public List<PlannedShift> getShifts() {
        return shifts;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}

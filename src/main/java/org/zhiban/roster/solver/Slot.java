package org.zhiban.roster.solver;

import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.zhiban.roster.DutyRole;

/**
 * One position of a shift — the leader on duty, or one of its duty officers — and the person in it. Manual
 * assignments are pinned: the solver leaves them as they are.
 */
@PlanningEntity
public class Slot {

    @PlanningId
    private UUID id;
    private PlannedShift shift;
    private DutyRole role;
    private int position;
    private List<Candidate> candidates;
    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private Candidate person;
    @PlanningPin
    private boolean pinned;
    /** A leader's position in a roster outside the problem: it constrains, but is not this month's share. */
    private boolean elsewhere;

    public Slot() {
    }

    /** A position the candidate holds in another roster, for the rules that look across rosters. */
    public static Slot elsewhere(PlannedShift shift, Candidate holder) {
        Slot slot = new Slot(UUID.randomUUID(), shift, DutyRole.LEADER, 0, List.of(holder), holder, true);
        slot.elsewhere = true;
        return slot;
    }

    public Slot(UUID id, PlannedShift shift, DutyRole role, int position, List<Candidate> candidates,
            Candidate person, boolean pinned) {
        this.id = id;
        this.shift = shift;
        this.role = role;
        this.position = position;
        this.candidates = candidates;
        this.person = person;
        this.pinned = pinned;
    }

    /** Who may fill this position: the unit's leaders for the leader's position, its duty officers otherwise. */
    @ValueRangeProvider(id = "candidates")
    public List<Candidate> getCandidates() {
        return candidates;
    }

    public UUID getId() {
        return id;
    }

    public PlannedShift getShift() {
        return shift;
    }

    public DutyRole getRole() {
        return role;
    }

    public int getPosition() {
        return position;
    }

    public Candidate getPerson() {
        return person;
    }

    public void setPerson(Candidate person) {
        this.person = person;
    }

    public boolean isPinned() {
        return pinned;
    }

    /** Keeps the position as it is in this solve (e.g. a day outside the period being filled). */
    public void pin() {
        this.pinned = true;
    }

    public boolean isElsewhere() {
        return elsewhere;
    }

    public boolean isLeader() {
        return role == DutyRole.LEADER;
    }

    @Override
    public String toString() {
        return shift.day() + " " + role + position + "=" + (person == null ? "-" : person.name());
    }
}

package org.zhiban.roster.solver;

import java.util.List;
import java.util.UUID;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import org.zhiban.roster.RosterRule;

/**
 * Why a constraint matched: the rule, the shifts and person concerned, and a Chinese sentence with the numbers.
 * The check turns these into violations with the citation of the unit's policy.
 */
public record RuleBreach(RosterRule rule, UUID unitId, List<UUID> shiftIds, UUID personId, String detail)
        implements ConstraintJustification {
}

package org.zhiban.roster.solver;

import java.time.Duration;
import java.util.UUID;

/**
 * The rules of one unit's roster, read from its effective policy: what is required (booleans) and the numbers.
 * A null duration or a zero count means the policy does not have the rule.
 */
public record UnitRules(
        UUID unitId,
        Duration minShiftDuration,
        Duration minRest,
        boolean formalStaffOnly,
        boolean officerNotLeader,
        boolean leaderOneUnitAtATime,
        boolean preDutyTraining,
        int importantPeriodMinOnDuty,
        int partTimeMinShiftsPerMonth) {
}

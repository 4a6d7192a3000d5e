package org.zhiban.roster.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.zhiban.roster.DutyRole;

/** One test per rule: the constraint matches what breaks the rule and nothing else. */
class RosterConstraintsTests {

    private static final UUID UNIT = UUID.randomUUID();
    private static final UnitRules BAOJI = new UnitRules(UNIT, Duration.ofHours(8), Duration.ofHours(24), true, true,
            true, true, 2, 2);
    private static final UnitRules LENIENT = new UnitRules(UNIT, null, Duration.ZERO, false, false, false, false, 0, 0);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final ConstraintVerifier<RosterConstraints, RosterPlan> verifier = ConstraintVerifier.build(
            new RosterConstraints(), RosterPlan.class, Slot.class);

    private final Candidate leader = person("带班甲", DutyRole.LEADER, true, false);
    private final Candidate officer = person("值班乙", DutyRole.OFFICER, true, false);
    private final Candidate contractor = person("雇员丙", DutyRole.OFFICER, false, false);

    @Test
    void shiftTooShort() {
        PlannedShift fourHours = shift(BAOJI, DAY, 4, false);
        PlannedShift eightHours = shift(BAOJI, DAY.plusDays(1), 8, false);
        verifier.verifyThat(RosterConstraints::shiftTooShort).given(fourHours, eightHours).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::shiftTooShort).given(shift(LENIENT, DAY, 4, false)).penalizesBy(0);
    }

    @Test
    void informalStaff() {
        PlannedShift shift = shift(BAOJI, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::informalStaff)
                .given(slot(shift, DutyRole.OFFICER, contractor), slot(shift, DutyRole.LEADER, leader))
                .penalizesBy(1);
    }

    @Test
    void officerAlsoLeader() {
        PlannedShift shift = shift(BAOJI, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::officerAlsoLeader)
                .given(slot(shift, DutyRole.LEADER, leader), slot(shift, DutyRole.OFFICER, leader)).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::officerAlsoLeader)
                .given(slot(shift, DutyRole.LEADER, leader), slot(shift, DutyRole.OFFICER, officer)).penalizesBy(0);
    }

    @Test
    void leaderInTwoUnits() {
        UnitRules otherUnit = new UnitRules(UUID.randomUUID(), Duration.ofHours(8), Duration.ofHours(24), true, true,
                true, true, 2, 2);
        PlannedShift here = shift(BAOJI, DAY, 24, false);
        PlannedShift there = shift(otherUnit, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::leaderInTwoUnits)
                .given(slot(here, DutyRole.LEADER, leader), slot(there, DutyRole.LEADER, leader)).penalizesBy(1);
        PlannedShift nextDay = shift(otherUnit, DAY.plusDays(1), 24, false);
        verifier.verifyThat(RosterConstraints::leaderInTwoUnits)
                .given(slot(here, DutyRole.LEADER, leader), slot(nextDay, DutyRole.LEADER, leader)).penalizesBy(0);
    }

    @Test
    void importantPeriodUnderstaffed() {
        PlannedShift important = shift(BAOJI, DAY, 24, true);
        PlannedShift ordinary = shift(BAOJI, DAY.plusDays(1), 24, false);
        verifier.verifyThat(RosterConstraints::importantPeriodUnderstaffed)
                .given(important, ordinary, slot(important, DutyRole.OFFICER, officer),
                        slot(ordinary, DutyRole.OFFICER, officer))
                .penalizesBy(1);
        Candidate second = person("值班丁", DutyRole.OFFICER, true, false);
        verifier.verifyThat(RosterConstraints::importantPeriodUnderstaffed)
                .given(important, slot(important, DutyRole.OFFICER, officer), slot(important, DutyRole.OFFICER, second))
                .penalizesBy(0);
    }

    @Test
    void untrained() {
        Candidate newcomer = new Candidate(UUID.randomUUID(), UNIT, "新人", DutyRole.OFFICER, true, false, null, Set.of(),
                0);
        Candidate trainedToday = new Candidate(UUID.randomUUID(), UNIT, "当日培训", DutyRole.OFFICER, true, false, DAY,
                Set.of(), 0);
        PlannedShift shift = shift(BAOJI, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::untrained)
                .given(slot(shift, DutyRole.OFFICER, newcomer), slot(shift, DutyRole.OFFICER, trainedToday),
                        slot(shift, DutyRole.OFFICER, officer))
                .penalizesBy(2);
    }

    @Test
    void unavailable() {
        Candidate onLeave = new Candidate(UUID.randomUUID(), UNIT, "休假", DutyRole.OFFICER, true, false,
                DAY.minusYears(1), Set.of(DAY), 0);
        verifier.verifyThat(RosterConstraints::unavailable)
                .given(slot(shift(BAOJI, DAY, 24, false), DutyRole.OFFICER, onLeave),
                        slot(shift(BAOJI, DAY.plusDays(1), 24, false), DutyRole.OFFICER, onLeave))
                .penalizesBy(1);
    }

    @Test
    void tooLittleRest() {
        PlannedShift first = shift(BAOJI, DAY, 24, false);
        PlannedShift next = shift(BAOJI, DAY.plusDays(1), 24, false);
        PlannedShift afterADay = shift(BAOJI, DAY.plusDays(2), 24, false);
        verifier.verifyThat(RosterConstraints::tooLittleRest)
                .given(slot(first, DutyRole.OFFICER, officer), slot(next, DutyRole.OFFICER, officer)).penalizesBy(1);
        verifier.verifyThat(RosterConstraints::tooLittleRest)
                .given(slot(first, DutyRole.OFFICER, officer), slot(afterADay, DutyRole.OFFICER, officer))
                .penalizesBy(0);
        verifier.verifyThat(RosterConstraints::tooLittleRest)
                .given(slot(first, DutyRole.OFFICER, officer), slot(first, DutyRole.OFFICER, officer)).penalizesBy(1);
    }

    @Test
    void wrongRole() {
        PlannedShift shift = shift(BAOJI, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::wrongRole)
                .given(slot(shift, DutyRole.LEADER, officer), slot(shift, DutyRole.LEADER, leader)).penalizesBy(1);
    }

    @Test
    void unfilled() {
        PlannedShift shift = shift(BAOJI, DAY, 24, false);
        verifier.verifyThat(RosterConstraints::unfilled)
                .given(slot(shift, DutyRole.LEADER, null), slot(shift, DutyRole.OFFICER, officer)).penalizesBy(1);
    }

    @Test
    void partTimeTooFew() {
        Candidate partTimer = new Candidate(UUID.randomUUID(), UNIT, "兼职", DutyRole.OFFICER, true, true,
                DAY.minusYears(1), Set.of(), 2);
        verifier.verifyThat(RosterConstraints::partTimeTooFew)
                .given(partTimer, officer, slot(shift(BAOJI, DAY, 24, false), DutyRole.OFFICER, partTimer))
                .penalizesBy(1);
        Candidate idle = new Candidate(UUID.randomUUID(), UNIT, "未排", DutyRole.OFFICER, true, true, DAY.minusYears(1),
                Set.of(), 2);
        verifier.verifyThat(RosterConstraints::partTimeTooFew).given(idle).penalizesBy(2);
    }

    @Test
    void balanceShiftsPrefersAnEvenSpread() {
        Candidate other = person("值班戊", DutyRole.OFFICER, true, false);
        PlannedShift d1 = shift(BAOJI, DAY, 24, false);
        PlannedShift d2 = shift(BAOJI, DAY.plusDays(2), 24, false);
        verifier.verifyThat(RosterConstraints::balanceShifts)
                .given(officer, other, slot(d1, DutyRole.OFFICER, officer), slot(d2, DutyRole.OFFICER, officer))
                .penalizesBy(4);
        verifier.verifyThat(RosterConstraints::balanceShifts)
                .given(officer, other, slot(d1, DutyRole.OFFICER, officer), slot(d2, DutyRole.OFFICER, other))
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::balanceShifts)
                .given(officer, other, slot(d1, DutyRole.OFFICER, officer), Slot.elsewhere(d2, officer))
                .penalizesBy("a position held in another roster is not this roster's share", 1);
    }

    private static Candidate person(String name, DutyRole role, boolean formal, boolean partTime) {
        return new Candidate(UUID.randomUUID(), UNIT, name, role, formal, partTime, DAY.minusYears(1), Set.of(), 0);
    }

    private static PlannedShift shift(UnitRules rules, LocalDate day, int hours, boolean important) {
        Instant start = day.atTime(8, 30).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        return new PlannedShift(UUID.randomUUID(), rules, day, start, start.plus(Duration.ofHours(hours)), hours > 12,
                false, important);
    }

    private static Slot slot(PlannedShift shift, DutyRole role, Candidate person) {
        return new Slot(UUID.randomUUID(), shift, role, 0, List.of(), person, false);
    }
}

package org.zhiban.roster.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;

import java.time.Duration;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.RosterRule;

/**
 * Every roster rule, defined once: the solver optimises against these constraints and the check of a hand-made
 * roster lists their matches. Each constraint is named after its {@link RosterRule}; whether a policy rule applies
 * comes from the unit's rules ({@link UnitRules}), so a unit without a rule is not held to it.
 */
public class RosterConstraints implements ConstraintProvider {

    private static final HardMediumSoftLongScore HARD = HardMediumSoftLongScore.ONE_HARD;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                shiftTooShort(factory),
                informalStaff(factory),
                officerAlsoLeader(factory),
                leaderInTwoUnits(factory),
                importantPeriodUnderstaffed(factory),
                untrained(factory),
                unavailable(factory),
                tooLittleRest(factory),
                wrongRole(factory),
                unfilled(factory),
                partTimeTooFew(factory),
                balanceShifts(factory),
                balanceNights(factory),
                balanceWeekendsAndHolidays(factory) };
    }

    /** Every shift lasts at least the policy's minimum — 宝政办发〔2022〕43号 第八条 (每班不少于8小时). */
    Constraint shiftTooShort(ConstraintFactory factory) {
        return factory.forEach(PlannedShift.class)
                .filter(shift -> shift.rules().minShiftDuration() != null
                        && shift.duration().compareTo(shift.rules().minShiftDuration()) < 0)
                .penalize(HARD)
                .justifyWith((shift, score) -> new RuleBreach(RosterRule.SHIFT_TOO_SHORT, shift.unitId(),
                        List.of(shift.id()), null, "班次仅 " + hours(shift.duration()) + "，不足 "
                                + hours(shift.rules().minShiftDuration())))
                .asConstraint(RosterRule.SHIFT_TOO_SHORT.name());
    }

    /** Only formal staff stand duty — 宝政办发〔2022〕43号 第八条. */
    Constraint informalStaff(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.getShift().rules().formalStaffOnly() && !slot.getPerson().formalStaff())
                .penalize(HARD)
                .justifyWith((slot, score) -> new RuleBreach(RosterRule.INFORMAL_STAFF, slot.getShift().unitId(),
                        List.of(slot.getShift().id()), slot.getPerson().id(), slot.getPerson().name() + "不是正式干部"))
                .asConstraint(RosterRule.INFORMAL_STAFF.name());
    }

    /** The duty officer and the leader on duty of a shift are never the same person — 宝政办发〔2022〕43号 第八条. */
    Constraint officerAlsoLeader(ConstraintFactory factory) {
        return factory.forEachUniquePair(Slot.class, Joiners.equal(Slot::getShift), Joiners.equal(Slot::getPerson))
                .filter((a, b) -> a.getRole() != b.getRole() && a.getShift().rules().officerNotLeader())
                .penalize(HARD)
                .justifyWith((a, b, score) -> new RuleBreach(RosterRule.OFFICER_ALSO_LEADER, a.getShift().unitId(),
                        List.of(a.getShift().id()), a.getPerson().id(), a.getPerson().name() + "在同一班次既值班又带班"))
                .asConstraint(RosterRule.OFFICER_ALSO_LEADER.name());
    }

    /** A leader on duty leads one unit at a time — 宝政办发〔2022〕43号 第七条. */
    Constraint leaderInTwoUnits(ConstraintFactory factory) {
        return factory.forEachUniquePair(Slot.class, Joiners.equal(Slot::getPerson))
                .filter((a, b) -> a.isLeader() && b.isLeader() && !a.getShift().unitId().equals(b.getShift().unitId())
                        && a.getShift().overlaps(b.getShift())
                        && (a.getShift().rules().leaderOneUnitAtATime() || b.getShift().rules().leaderOneUnitAtATime()))
                .penalize(HARD)
                .justifyWith((a, b, score) -> new RuleBreach(RosterRule.LEADER_IN_TWO_UNITS, a.getShift().unitId(),
                        List.of(a.getShift().id(), b.getShift().id()), a.getPerson().id(),
                        a.getPerson().name() + "同一时间在两个单位带班"))
                .asConstraint(RosterRule.LEADER_IN_TWO_UNITS.name());
    }

    /**
     * In important periods, county governments and 高新区 have at least the policy's number of duty officers on duty
     * at once — 宝政办发〔2022〕43号 第八条 (2人及以上同时在岗). The unit's rules carry the number only for those units.
     */
    Constraint importantPeriodUnderstaffed(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.getRole() == DutyRole.OFFICER)
                .groupBy(Slot::getShift, count())
                .complement(PlannedShift.class, shift -> 0)
                .filter((shift, officers) -> shift.important() && officers < shift.rules().importantPeriodMinOnDuty())
                .penalizeLong(HARD, (shift, officers) -> shift.rules().importantPeriodMinOnDuty() - officers)
                .justifyWith((shift, officers, score) -> new RuleBreach(RosterRule.IMPORTANT_PERIOD_UNDERSTAFFED,
                        shift.unitId(), List.of(shift.id()), null, "重要时段仅 " + officers + " 名值班员在岗，应不少于 "
                                + shift.rules().importantPeriodMinOnDuty() + " 人"))
                .asConstraint(RosterRule.IMPORTANT_PERIOD_UNDERSTAFFED.name());
    }

    /** Nobody stands a first shift before pre-duty training — 宝政办发〔2022〕43号 第三十二条. */
    Constraint untrained(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.getShift().rules().preDutyTraining()
                        && !slot.getPerson().trainedBefore(slot.getShift().day()))
                .penalize(HARD)
                .justifyWith((slot, score) -> new RuleBreach(RosterRule.UNTRAINED, slot.getShift().unitId(),
                        List.of(slot.getShift().id()), slot.getPerson().id(), slot.getPerson().name() + "未登记岗前培训"))
                .asConstraint(RosterRule.UNTRAINED.name());
    }

    /** Nobody on leave or marked unavailable is rostered. */
    Constraint unavailable(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> !slot.getPerson().availableOn(slot.getShift().day()))
                .penalize(HARD)
                .justifyWith((slot, score) -> new RuleBreach(RosterRule.UNAVAILABLE, slot.getShift().unitId(),
                        List.of(slot.getShift().id()), slot.getPerson().id(),
                        slot.getPerson().name() + " " + slot.getShift().day() + " 请假或不能值班"))
                .asConstraint(RosterRule.UNAVAILABLE.name());
    }

    /** Between two shifts of one person lies at least the unit's minimum rest; nobody holds two positions at once. */
    Constraint tooLittleRest(ConstraintFactory factory) {
        return factory.forEachUniquePair(Slot.class, Joiners.equal(Slot::getPerson))
                .filter((a, b) -> a.getShift() == b.getShift() ? a.getRole() == b.getRole() : restTooShort(a, b))
                .penalize(HARD)
                .justifyWith((a, b, score) -> new RuleBreach(RosterRule.TOO_LITTLE_REST, a.getShift().unitId(),
                        List.of(a.getShift().id(), b.getShift().id()), a.getPerson().id(),
                        a.getPerson().name() + "两班间隔不足 " + hours(a.getShift().rules().minRest())))
                .asConstraint(RosterRule.TOO_LITTLE_REST.name());
    }

    /** The leader's position is held by a leader on duty — 宝政办发〔2022〕43号 第七条 (领导带班). */
    Constraint wrongRole(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.isLeader() && slot.getPerson().role() != DutyRole.LEADER)
                .penalize(HARD)
                .justifyWith((slot, score) -> new RuleBreach(RosterRule.WRONG_ROLE, slot.getShift().unitId(),
                        List.of(slot.getShift().id()), slot.getPerson().id(), slot.getPerson().name() + "不是带班领导"))
                .asConstraint(RosterRule.WRONG_ROLE.name());
    }

    /** Every position of every shift is filled: 24-hour duty with a leader on duty (medium: never at a hard rule's cost). */
    Constraint unfilled(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Slot.class)
                .filter(slot -> slot.getPerson() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .justifyWith((slot, score) -> new RuleBreach(RosterRule.UNFILLED, slot.getShift().unitId(),
                        List.of(slot.getShift().id()), null, slot.getShift().day() + " " + slot.getRole().label() + "未排"))
                .asConstraint(RosterRule.UNFILLED.name());
    }

    /** Part-time duty officers stand at least the policy's monthly number of shifts — 宝政办发〔2022〕43号 第八条. */
    Constraint partTimeTooFew(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .groupBy(Slot::getPerson, count())
                .complement(Candidate.class, candidate -> 0)
                .filter((candidate, shifts) -> candidate.partTime() && shifts < candidate.minShifts())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(1_000), (candidate, shifts) -> candidate.minShifts() - shifts)
                .justifyWith((candidate, shifts, score) -> new RuleBreach(RosterRule.PART_TIME_TOO_FEW,
                        candidate.unitId(), List.of(), candidate.id(), candidate.name() + "本月仅 " + shifts + " 班，应不少于 "
                                + candidate.minShifts() + " 班"))
                .asConstraint(RosterRule.PART_TIME_TOO_FEW.name());
    }

    /**
     * Shifts are shared evenly: the sum of squares of each person's count is smallest when the counts of people in
     * the same position differ by at most one. People with no shift count as zero; positions held in other rosters
     * (a leader's commitments next door or in the month before) are not this roster's share.
     */
    Constraint balanceShifts(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> !slot.isElsewhere())
                .groupBy(Slot::getPerson, count())
                .complement(Candidate.class, candidate -> 0)
                .penalizeLong(HardMediumSoftLongScore.ofSoft(50), (candidate, shifts) -> (long) shifts * shifts)
                .asConstraint("BALANCE_SHIFTS");
    }

    Constraint balanceNights(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.getShift().night())
                .groupBy(Slot::getPerson, count())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(3), (candidate, nights) -> (long) nights * nights)
                .asConstraint("BALANCE_NIGHTS");
    }

    Constraint balanceWeekendsAndHolidays(ConstraintFactory factory) {
        return factory.forEach(Slot.class)
                .filter(slot -> slot.getShift().weekendOrHoliday())
                .groupBy(Slot::getPerson, count())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(5), (candidate, days) -> (long) days * days)
                .asConstraint("BALANCE_WEEKENDS_HOLIDAYS");
    }

    /** Two different shifts of one person too close together (or overlapping). */
    static boolean restTooShort(Slot a, Slot b) {
        PlannedShift first = a.getShift().start().isBefore(b.getShift().start()) ? a.getShift() : b.getShift();
        PlannedShift second = first == a.getShift() ? b.getShift() : a.getShift();
        Duration minRest = first.rules().minRest();
        return first.restBefore(second).compareTo(minRest == null ? Duration.ZERO : minRest) < 0;
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " 小时" : (minutes / 60) + " 小时 " + (minutes % 60) + " 分钟";
    }
}

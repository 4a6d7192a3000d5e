package org.zhiban.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/** Who stands duty in a unit, their pre-duty training, and when they cannot. */
@Service
public class DutyStaff {

    private final RosterRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    DutyStaff(RosterRepository repository, UnitTree unitTree, UnitScope scope, DutyPolicies policies, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<DutyStaffMember> of(Actor actor, UUID unitId) {
        requireUnit(unitId);
        scope.requireVisible(actor, unitId);
        return members(unitId);
    }

    /** The unit's duty staff, leaders first, without a scope check (for other modules and the demo). */
    @Transactional(readOnly = true)
    public List<DutyStaffMember> members(UUID unitId) {
        return repository.staff(List.of(unitId)).stream()
                .map(row -> unitTree.findPerson(row.personId()).map(p -> new DutyStaffMember(p.id(), row.unitId(),
                        p.name(), row.role(), row.partTime(), row.trainedOn(), p.isFormalStaff())).orElse(null))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(DutyStaffMember::role).thenComparing(DutyStaffMember::name))
                .toList();
    }

    /**
     * Who may stand this unit's positions: its own duty staff and, where it has no leaders on duty of its own (a
     * department or office led from above), the leaders of the unit that lends them.
     */
    @Transactional(readOnly = true)
    public List<DutyStaffMember> rosterable(UUID unitId) {
        UUID leading = leadingUnit(unitId);
        if (leading.equals(unitId)) {
            return members(unitId);
        }
        List<DutyStaffMember> all = new ArrayList<>(members(leading).stream()
                .filter(m -> m.role() == DutyRole.LEADER).toList());
        all.addAll(members(unitId));
        return all;
    }

    /**
     * The unit whose leaders on duty lead this unit's shifts: its own if it has any, otherwise the nearest
     * superior's (leaders shared between units; 宝政办发〔2022〕43号 第七条 still keeps each to one unit at a time).
     */
    UUID leadingUnit(UUID unitId) {
        return hasLeaders(unitId) ? unitId : lender(unitId);
    }

    /** The nearest superior with leaders on duty, or the unit itself when there is none. */
    UUID lender(UUID unitId) {
        List<Unit> path = unitTree.pathTo(unitId);
        for (int i = path.size() - 2; i >= 0; i--) {
            if (hasLeaders(path.get(i).id())) {
                return path.get(i).id();
            }
        }
        return unitId;
    }

    private boolean hasLeaders(UUID unitId) {
        return repository.staff(List.of(unitId)).stream().anyMatch(row -> row.role() == DutyRole.LEADER);
    }

    /** Puts a person of the unit on its duty staff (or changes their entry). */
    @Transactional
    public DutyStaffMember put(Actor actor, UUID personId, DutyRole role, boolean partTime, LocalDate trainedOn) {
        Person person = unitTree.findPerson(personId).orElseThrow(() -> ZhibanException.notFound("PERSON_NOT_FOUND",
                "人员不存在：" + personId));
        scope.requireDutyWorkManageable(actor, person.unitId(), () -> personNotFound(person.id()));
        if (role == null) {
            throw ZhibanException.invalidField("role", "请选择值班岗位：带班领导或值班员");
        }
        policies.effective(person.unitId()).rule(RuleKey.DUTY_FORMAL_STAFF_ONLY)
                .filter(rule -> rule.ruleValue().asBoolean())
                .ifPresent(rule -> requireFormalStaff(person, rule.citation()));
        AcceptedDates.requirePastDate("trainedOn", trainedOn, clock);
        repository.putStaff(new RosterRepository.StaffRow(personId, person.unitId(), role, partTime, trainedOn));
        audit.record("DUTY_STAFF_SET", "person:" + personId, AuditOutcome.SUCCESS, person.name() + " " + role.label()
                + (partTime ? "（兼职）" : "") + (trainedOn == null ? "，未培训" : "，" + trainedOn + " 岗前培训"));
        return new DutyStaffMember(personId, person.unitId(), person.name(), role, partTime, trainedOn,
                person.isFormalStaff());
    }

    /** Only formal staff stand duty: no contract, temporary or re-hired staff — 宝政办发〔2022〕43号 第八条. */
    static void requireFormalStaff(Person person, String citation) {
        if (!person.isFormalStaff()) {
            throw ZhibanException.invalidField("personId", person.name() + "为" + person.employmentType().label()
                    + "，不得安排值班（" + citation + "）");
        }
    }

    @Transactional
    public void remove(Actor actor, UUID personId) {
        Person person = unitTree.findPerson(personId).orElseThrow(() -> ZhibanException.notFound("PERSON_NOT_FOUND",
                "人员不存在：" + personId));
        scope.requireDutyWorkManageable(actor, person.unitId(), () -> personNotFound(person.id()));
        if (repository.removeStaff(personId)) {
            audit.record("DUTY_STAFF_REMOVED", "person:" + personId, AuditOutcome.SUCCESS, person.name());
        }
    }

    /**
     * Records leave or another reason a person cannot stand duty on some days. Real leave is recorded even where a
     * published roster has the person on duty: the answer lists each such shift, which the person must swap
     * (宝政办发〔2022〕43号 第八条: 无法承担值班、带班工作的要及时调班), and the roster shows it as needing a swap.
     */
    @Transactional
    public LeaveRecorded markUnavailable(Actor actor, UUID personId, LocalDate firstDay, LocalDate lastDay, String reason) {
        Person person = unitTree.findPerson(personId).orElseThrow(() -> ZhibanException.notFound("PERSON_NOT_FOUND",
                "人员不存在：" + personId));
        scope.requireDutyWorkManageable(actor, person.unitId(), () -> personNotFound(person.id()));
        AcceptedDates.requireDate("firstDay", firstDay, clock);
        AcceptedDates.requireDate("lastDay", lastDay, clock);
        if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw ZhibanException.invalidField("lastDay", "结束日期应不早于开始日期");
        }
        if (reason == null || reason.isBlank()) {
            throw ZhibanException.invalidField("reason", "请填写原因，如“年休假”");
        }
        UUID id = UUID.randomUUID();
        repository.addUnavailability(new RosterRepository.UnavailabilityRow(id, personId, firstDay, lastDay,
                reason.trim()));
        List<ShiftToSwap> toSwap = shiftsToSwap(person, firstDay, lastDay);
        audit.record("DUTY_UNAVAILABILITY_SET", "person:" + personId, AuditOutcome.SUCCESS,
                person.name() + " " + firstDay + "至" + lastDay + " " + reason.trim()
                        + (toSwap.isEmpty() ? "" : "；已发布值班表中 " + toSwap.size() + " 个班次需调班"));
        return new LeaveRecorded(id, toSwap);
    }

    /** The published shifts a leave falls on, each with the person who must arrange a swap for it. */
    List<ShiftToSwap> shiftsToSwap(Person person, LocalDate firstDay, LocalDate lastDay) {
        return repository.publishedPositionsOnDays(person.id(), firstDay, lastDay).stream()
                .map(p -> new ShiftToSwap(p.rosterId(), p.slotId(), p.day(), p.shiftName(), Zones.china(p.start()),
                        p.role(), person.id(), person.name()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Unavailability> unavailability(Actor actor, UUID unitId) {
        requireUnit(unitId);
        scope.requireVisible(actor, unitId);
        List<UUID> people = repository.staff(List.of(unitId)).stream().map(RosterRepository.StaffRow::personId).toList();
        return repository.unavailabilityOf(people, LocalDate.now(clock.withZone(Zones.CHINA)).minusMonths(1)).stream()
                .map(u -> new Unavailability(u.id(), u.personId(), unitTree.findPerson(u.personId()).map(Person::name)
                        .orElse(""), u.firstDay(), u.lastDay(), u.reason()))
                .toList();
    }

    @Transactional
    public void removeUnavailability(Actor actor, UUID id) {
        RosterRepository.UnavailabilityRow row = repository.findUnavailability(id).orElseThrow(
                () -> ZhibanException.notFound("NOT_FOUND", "记录不存在：" + id));
        Person person = unitTree.findPerson(row.personId()).orElseThrow();
        scope.requireDutyWorkManageable(actor, person.unitId(), () -> ZhibanException.notFound("NOT_FOUND", "记录不存在：" + id));
        repository.deleteUnavailability(id);
        audit.record("DUTY_UNAVAILABILITY_REMOVED", "person:" + row.personId(), AuditOutcome.SUCCESS, person.name());
    }

    private static ZhibanException personNotFound(UUID personId) {
        return ZhibanException.notFound("PERSON_NOT_FOUND", "人员不存在：" + personId);
    }

    private void requireUnit(UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId));
    }

    /** A leave recorded, and the published shifts it falls on. */
    public record LeaveRecorded(UUID id, List<ShiftToSwap> shiftsToSwap) {

        /** What the office is told above the list of shifts: recorded, and who must arrange the swaps. */
        public String notice() {
            if (shiftsToSwap.isEmpty()) {
                return "已登记，排班时将避开这些日期";
            }
            return "已登记。已发布的值班表中以下 " + shiftsToSwap.size() + " 个班次须由" + shiftsToSwap.get(0).person()
                    + "及时调班";
        }
    }

    /** A published shift that a person on leave holds: they must arrange a swap for it. */
    public record ShiftToSwap(UUID rosterId, UUID slotId, LocalDate day, String shift, java.time.OffsetDateTime start,
            DutyRole role, UUID personId, String person) {

        public String describe() {
            return day + " " + shift + " " + role.label();
        }

        public String toSwapLine() {
            return describe() + "：" + person + " 须调班";
        }
    }

    /** Days a person cannot stand duty, and why. */
    public record Unavailability(UUID id, UUID personId, String name, LocalDate firstDay, LocalDate lastDay,
            String reason) {
    }
}

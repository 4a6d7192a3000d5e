package org.zhiban.roster;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.ZhibanException;

/**
 * A unit's shift pattern: the shifts of its day, each with one leader on duty and its number of duty officers. A
 * pattern covers the whole day without gap or overlap, and no shift is shorter than the policy allows. Months
 * created afterwards follow it; existing months keep their shifts.
 */
@Service
public class ShiftPatterns {

    static final int MAX_SHIFTS = 4;
    static final int MAX_OFFICERS = 9;

    /** Presets offices choose from most often. */
    public static final List<ShiftDefinition> ONE_SHIFT = List.of(
            new ShiftDefinition("24小时班", LocalTime.of(8, 30), Duration.ofHours(24), 1));
    public static final List<ShiftDefinition> DAY_AND_NIGHT = List.of(
            new ShiftDefinition("白班", LocalTime.of(8, 30), Duration.ofHours(9), 1),
            new ShiftDefinition("夜班", LocalTime.of(17, 30), Duration.ofHours(15), 1));

    private final RosterRepository repository;
    private final RosterPlanning planning;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final AuditTrail audit;

    ShiftPatterns(RosterRepository repository, RosterPlanning planning, UnitTree unitTree, UnitScope scope,
            DutyPolicies policies, AuditTrail audit) {
        this.repository = repository;
        this.planning = planning;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ShiftDefinition> of(Actor actor, UUID unitId) {
        requireUnit(unitId);
        scope.requireVisible(actor, unitId);
        return planning.pattern(unitId).stream()
                .map(t -> new ShiftDefinition(t.name(), t.startTime(), t.duration(), t.officers())).toList();
    }

    @Transactional
    public List<ShiftDefinition> replace(Actor actor, UUID unitId, List<ShiftDefinition> shifts) {
        String unitName = requireUnit(unitId);
        scope.requireDutyWorkManageable(actor, unitId);
        requireWellFormed(shifts);
        EffectivePolicy policy = policies.effective(unitId);
        EffectiveRule minimum = policy.rule(RuleKey.SHIFT_MIN_DURATION).orElse(null);
        if (minimum != null) {
            requireMinimumLength(shifts, minimum.ruleValue().asDuration(), minimum.citation());
        }
        requireWholeDay(shifts, policy.rule(RuleKey.DUTY_ROUND_THE_CLOCK).map(EffectiveRule::citation).orElse(null));
        List<ShiftDefinition> ordered = shifts.stream().map(ShiftDefinition::trimmed).toList();
        List<ShiftTemplate> templates = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            ShiftDefinition s = ordered.get(i);
            templates.add(new ShiftTemplate(UUID.randomUUID(), unitId, s.name(), s.start(), s.duration(), s.officers(),
                    i + 1));
        }
        repository.replaceTemplates(unitId, templates);
        audit.record("SHIFT_PATTERN_SET", "unit:" + unitId, AuditOutcome.SUCCESS, unitName + "："
                + String.join("，", ordered.stream().map(ShiftDefinition::describe).toList()));
        return ordered;
    }

    /** Names, numbers of shifts and of officers within what a duty office can staff. */
    static void requireWellFormed(List<ShiftDefinition> shifts) {
        if (shifts == null || shifts.isEmpty() || shifts.size() > MAX_SHIFTS) {
            throw ZhibanException.invalidField("shifts", "每天应设 1 至 " + MAX_SHIFTS + " 个班次");
        }
        var names = new HashSet<String>();
        for (int i = 0; i < shifts.size(); i++) {
            ShiftDefinition s = shifts.get(i);
            String field = "shifts[" + i + "]";
            if (s.name() == null || s.name().isBlank() || s.name().trim().length() > 20) {
                throw ZhibanException.invalidField(field + ".name", "请填写班次名称（不超过20个字）");
            }
            if (!names.add(s.name().trim())) {
                throw ZhibanException.invalidField(field + ".name", "班次名称重复：" + s.name().trim());
            }
            if (s.start() == null || s.duration() == null || s.duration().isNegative() || s.duration().isZero()) {
                throw ZhibanException.invalidField(field + ".duration", s.name() + "：请填写开始时间和时长");
            }
            if (s.officers() < 1 || s.officers() > MAX_OFFICERS) {
                throw ZhibanException.invalidField(field + ".officers", s.name() + "：值班员人数应在 1 至 "
                        + MAX_OFFICERS + " 之间");
            }
        }
    }

    /**
     * The shifts cover the whole day, each starting when the one before it ends — 24-hour duty. A refusal cites the
     * unit's own 24-hour duty rule, or no article where its policy has none (null).
     */
    static void requireWholeDay(List<ShiftDefinition> shifts, String citation) {
        String cited = EffectiveRule.cited(citation);
        List<ShiftDefinition> ordered = shifts.stream().sorted(Comparator.comparing(ShiftDefinition::start)).toList();
        Duration total = ordered.stream().map(ShiftDefinition::duration).reduce(Duration.ZERO, Duration::plus);
        if (!total.equals(Duration.ofHours(24))) {
            throw ZhibanException.invalidField("shifts", "各班次合计 " + hours(total) + "，应恰好覆盖 24 小时"
                    + cited);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ShiftDefinition shift = ordered.get(i);
            ShiftDefinition next = ordered.get((i + 1) % ordered.size());
            if (!shift.end().equals(next.start())) {
                throw ZhibanException.invalidField("shifts", shift.name() + "结束于 " + shift.end() + "，" + next.name()
                        + "却从 " + next.start() + " 开始：班次之间不得留空档或重叠" + cited);
            }
        }
    }

    /** No shift is shorter than the policy's minimum — e.g. 每班不少于8小时, 宝政办发〔2022〕43号 第八条. */
    static void requireMinimumLength(List<ShiftDefinition> shifts, Duration minimum, String citation) {
        for (int i = 0; i < shifts.size(); i++) {
            ShiftDefinition s = shifts.get(i);
            if (s.duration().compareTo(minimum) < 0) {
                throw ZhibanException.invalidField("shifts[" + i + "].duration", s.name() + "仅 " + hours(s.duration())
                        + "，每班不少于 " + hours(minimum) + "（" + citation + "）");
            }
        }
    }

    static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " 小时" : (minutes / 60) + " 小时 " + (minutes % 60) + " 分";
    }

    private String requireUnit(UUID unitId) {
        return unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在："
                + unitId)).name();
    }

    /** One shift of the day: name, start, length and the number of duty officers besides the leader on duty. */
    public record ShiftDefinition(String name, LocalTime start, Duration duration, int officers) {

        public LocalTime end() {
            return start.plus(duration);
        }

        ShiftDefinition trimmed() {
            return new ShiftDefinition(name.trim(), start, duration, officers);
        }

        String describe() {
            return name + " " + start + " 起 " + hours(duration) + "，值班员 " + officers + " 人";
        }
    }
}

package org.zhiban.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.directory.internal.NoticeRepository;
import org.zhiban.directory.internal.NoticeRepository.ObituaryRow;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.PhoneNumbers;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Role;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * Obituary notices (讣告信息, 宝政办发〔2022〕43号 第十四条（七）) of provincial or ministerial-level cadres, academicians,
 * well-known public figures and foreign experts: filed with the superior's duty office by the deadline of the
 * unit's policy (第十五条: 遗体送别活动前2天), counted in the timeliness ledger.
 */
@Service
public class ObituaryNotices {

    private static final int LIST_LIMIT = 200;
    private static final Duration LIST_REACH = Duration.ofDays(90);

    private final NoticeRepository notices;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObituaryNotices(NoticeRepository notices, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            WorkingCalendar calendar, Obligations obligations, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.calendar = calendar;
        this.obligations = obligations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ObituaryNotice file(Actor actor, ObituaryNoticeCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Secrecy.requireNotClassified(command.classified());
        if (actor.unitId() == null || !(actor.standsDuty() || actor.has(Role.UNIT_ADMIN))) {
            throw ZhibanException.forbidden("FORBIDDEN", "讣告信息由本单位值班室报送");
        }
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        String name = checks.text("name", command.name(), "逝者姓名", 50, true);
        String formerPost = checks.text("formerPost", command.formerPost(), "生前职务或身份", 200, true);
        checks.require(command.category() != null, "category", "请选择类别：省部级领导干部、两院院士、社会知名人士或知名外籍专家");
        Instant diedAt = checks.check(() -> AcceptedDates.requirePastInstant("diedAt", command.diedAt(), clock));
        checks.require(command.diedAt() != null, "diedAt", "请填写逝世时间");
        String place = checks.text("place", command.place(), "逝世地点", 100, false);
        Instant farewellAt = checks.check(() -> AcceptedDates.requireInstant("farewellAt", command.farewellAt(),
                clock));
        checks.require(command.farewellAt() != null, "farewellAt", "请填写遗体送别时间");
        checks.require(diedAt == null || farewellAt == null || farewellAt.isAfter(diedAt), "farewellAt",
                "遗体送别时间应晚于逝世时间");
        String farewellPlace = checks.text("farewellPlace", command.farewellPlace(), "遗体送别地点", 100, true);
        String contact = checks.text("contact", command.contact(), "联系人", 50, true);
        String phone = checks.text("contactPhone", command.contactPhone(), "联系电话", 30, true);
        String contactPhone = phone == null ? null : PhoneNumbers.normalizeAny(phone).orElse(null);
        checks.require(phone == null || contactPhone != null, "contactPhone",
                "联系电话应为手机号或带区号的固定电话（如 0917-3261234）");
        checks.done();

        Unit unit = unitTree.find(actor.unitId()).orElseThrow();
        Optional<EffectiveRule> lead = policies.effective(unit.id()).rule(RuleKey.OBITUARY_NOTICE_LEAD);
        Instant dueAt = lead.map(rule -> dueAt(farewellAt, rule, calendar::workingDaysBefore)).orElse(null);
        ObituaryRow row = new ObituaryRow(UUID.randomUUID(), unit.id(), unit.parentId(), name, formerPost,
                command.category().name(), diedAt, place, farewellAt, farewellPlace, contact, contactPhone, now,
                actor.username(), dueAt, AbsenceNotices.isLate(dueAt, now), lead.map(EffectiveRule::citation)
                        .orElse(null));
        notices.insert(row);
        if (dueAt != null) {
            obligations.recordFulfilled(new OpenObligation(unit.id(), DirectoryKinds.OBITUARY_NOTICE.code(),
                    "directory", "obituary:" + row.id(), name + "讣告信息报送", dueAt, row.citation()), now,
                    actor.username());
        }
        audit.record("OBITUARY_NOTIFIED", "obituary:" + row.id(), AuditOutcome.SUCCESS,
                name + "（" + command.category().label() + "）" + (row.late() ? "（逾期报送）" : ""));
        events.publishEvent(new DirectoryEvents.ObituaryNotified(row.id(), unit.id(), unit.parentId(),
                "【讣告" + (row.late() ? "·逾期" : "") + "】" + name + "（" + command.category().label() + "）遗体送别 "
                        + Zones.MINUTE.format(farewellAt)));
        return view(row);
    }

    /**
     * The deadline of an obituary notice: the end of the N-th day (or working day) before the day of the farewell
     * ceremony, China time (第十五条: 讣告信息要在遗体送别活动前2天报送).
     */
    static Instant dueAt(Instant farewellAt, EffectiveRule lead,
            BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        return lead.ruleValue().endOfLeadBefore(farewellAt.atZone(Zones.CHINA).toLocalDate(), workingDaysBefore);
    }

    /** The obituary notices of a unit and its subtree filed within the last 90 days, the latest first. */
    @Transactional(readOnly = true)
    public List<ObituaryNotice> within(Actor actor, UUID unitId) {
        unitTree.find(unitId).orElseThrow(() -> UnitScope.unitNotFound(unitId));
        scope.requireVisible(actor, unitId);
        return notices.obituariesWithin(unitId, clock.instant().minus(LIST_REACH), LIST_LIMIT).stream()
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ObituaryNotice get(Actor actor, UUID id) {
        ObituaryRow row = notices.obituary(id).orElseThrow(() -> ZhibanException.notFound("OBITUARY_NOT_FOUND",
                "讣告信息不存在：" + id));
        scope.requireVisible(actor, row.unitId(), () -> ZhibanException.notFound("OBITUARY_NOT_FOUND",
                "讣告信息不存在：" + id));
        return view(row);
    }

    private ObituaryNotice view(ObituaryRow row) {
        ObituaryCategory category = ObituaryCategory.valueOf(row.category());
        return new ObituaryNotice(row.id(), row.unitId(), unitTree.find(row.unitId()).map(Unit::name).orElse(""),
                row.name(), row.formerPost(), category, category.label(), Zones.china(row.diedAt()), row.place(),
                Zones.china(row.farewellAt()), row.farewellPlace(), row.contact(), row.contactPhone(),
                Zones.china(row.filedAt()), row.filedBy(), row.dueAt() == null ? null : Zones.china(row.dueAt()),
                row.late(), row.citation());
    }
}

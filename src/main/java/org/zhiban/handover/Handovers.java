package org.zhiban.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.ShiftsStillOpen;
import org.zhiban.handover.internal.HandoverRepository;
import org.zhiban.handover.internal.HandoverRepository.HandoverRow;
import org.zhiban.identity.Accounts;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.UnitScope;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * Handing a shift over: the outgoing officer signs the items and the equipment check, the incoming officer accepts.
 * Until accepted the shift stays open — in the log book too — and the next handover starts from what it left open.
 */
@Service
public class Handovers implements ShiftsStillOpen {

    /** The equipment every duty office checks at handover (X区值班工作标准规范 第十七条: 对值班设备进行认真检查). */
    static final List<String> EQUIPMENT = List.of("值班电话", "传真机", "值班电脑及网络", "视频会议系统", "应急通信设备");
    private static final int CONTENT_LENGTH = 500;
    private static final int OPEN_OBLIGATIONS = 50;
    /**
     * How long before a shift ends its handover may be signed and accepted. Face to face handover (当面交接) happens
     * at the change of shift, when both officers are there; an hour leaves time to write it out and check the
     * equipment, and is widened to the policy's early arrival where that is longer.
     */
    static final Duration HANDOVER_WINDOW = Duration.ofHours(1);

    private final HandoverRepository repository;
    private final DutyLog dutyLog;
    private final Obligations obligations;
    private final OnDuty onDuty;
    private final DutyPolicies policies;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final Clock clock;

    Handovers(HandoverRepository repository, DutyLog dutyLog, Obligations obligations, OnDuty onDuty,
            DutyPolicies policies, UnitScope scope, AuditTrail audit, ApplicationEventPublisher events,
            Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.repository = repository;
        this.dutyLog = dutyLog;
        this.obligations = obligations;
        this.onDuty = onDuty;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The handover of the shift to be handed over now: as signed when it awaits acceptance, otherwise a draft
     * pre-filled with the shift's settled entries, every open entry, what the last handover left open and the open
     * obligations, and the equipment to check.
     */
    @Transactional(readOnly = true)
    public Handover current(Actor actor) {
        UUID unitId = requireDutyOfficer(actor);
        OnDuty.ShiftTime shift = shiftToHandOver(unitId, clock.instant());
        Optional<HandoverRow> signed = repository.ofShift(unitId, shift.start().toInstant());
        if (signed.isPresent()) {
            return view(signed.get());
        }
        List<EquipmentCheck> equipment = EQUIPMENT.stream().map(name -> new EquipmentCheck(name, true, null)).toList();
        return new Handover(null, unitId, shift.start(), shift.end(), null, prefill(actor, shift.start().toInstant()),
                equipment, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The outgoing officer signs the handover of the shift; revising it is possible until it is accepted. */
    @Transactional
    public Handover prepare(Actor actor, HandoverCommand command) {
        UUID unitId = requireDutyOfficer(actor);
        List<HandoverItem> items = requireItemsComplete(command.items());
        List<EquipmentCheck> equipment = requireEquipmentExplained(command.equipment());
        String notes = trim(command.notes());
        if (notes != null && notes.length() > 2000) {
            throw ZhibanException.invalidField("notes", "备注不超过 2000 个字");
        }
        OnDuty.ShiftTime shift = shiftToHandOver(unitId, clock.instant());
        Instant now = clock.instant();
        EffectivePolicy policy = policies.effective(unitId);
        requireWithinWindow(now, shift.end().toInstant(), policy);
        String signedFor = signingRule(policy).flatMap(rule -> requireOnShift(crew(unitId, shift.start().toInstant()),
                personOf(actor), actor, command.signingFor(), "signingFor", rule.citation())).orElse(null);
        Optional<HandoverRow> existing = repository.ofShift(unitId, shift.start().toInstant())
                .flatMap(row -> repository.lock(row.id()));
        HandoverRow row = new HandoverRow(existing.map(HandoverRow::id).orElseGet(UUID::randomUUID), unitId,
                shift.start().toInstant(), shift.end().toInstant(), HandoverStatus.AWAITING_ACCEPTANCE, notes,
                actor.username(), actor.displayName(), now, null, null, null, null, signedFor, null);
        if (existing.isPresent()) {
            requireNotAccepted(existing.get());
            repository.revise(row);
        }
        else {
            try {
                repository.insert(row);
            }
            catch (DuplicateKeyException signedMeanwhile) {
                throw ZhibanException.conflict("HANDOVER_CHANGED", "本班次的交接单刚被他人提交，请刷新后再改");
            }
        }
        repository.insertItems(row.id(), items);
        repository.insertEquipment(row.id(), equipment);
        audit.record("HANDOVER_PREPARED", "handover:" + row.id(), AuditOutcome.SUCCESS,
                Zones.MINUTE.format(row.shiftStart()) + " 班次，" + items.size() + " 项"
                        + (signedFor == null ? "" : "，代 " + signedFor + " 签署"));
        return view(repository.find(row.id()).orElseThrow());
    }

    /** The incoming officer accepts: the shift is closed, and what is still open goes on to the next shift. */
    @Transactional
    public Handover accept(Actor actor, UUID handoverId, String remark, UUID acceptingFor) {
        UUID unitId = requireDutyOfficer(actor);
        HandoverRow row = repository.lock(handoverId).orElseThrow(() -> notFound(handoverId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(handoverId));
        if (!row.unitId().equals(unitId)) {
            throw ZhibanException.forbidden("NOT_OWN_HANDOVER", "只能接本单位的班");
        }
        requireNotAccepted(row);
        EffectivePolicy policy = policies.effective(unitId);
        requireIncomingNotOutgoing(row, actor, policy);
        String trimmed = trim(remark);
        if (trimmed != null && trimmed.length() > 500) {
            throw ZhibanException.invalidField("remark", "接班意见不超过 500 个字");
        }
        Instant now = clock.instant();
        requireWithinWindow(now, row.shiftEnd(), policy);
        String acceptedFor = signingRule(policy).flatMap(rule -> requireOnShift(crew(unitId, row.shiftEnd()),
                personOf(actor), actor, acceptingFor, "acceptingFor", rule.citation())).orElse(null);
        repository.accept(row.id(), actor.username(), actor.displayName(), acceptedFor, now, trimmed);
        int carried = (int) repository.items(row.id()).stream().filter(HandoverItem::carriesOver).count();
        audit.record("HANDOVER_ACCEPTED", "handover:" + row.id(), AuditOutcome.SUCCESS,
                "交班 " + row.preparedBy() + "，接班 " + actor.username()
                        + (acceptedFor == null ? "" : "（代 " + acceptedFor + "）"));
        events.publishEvent(new ShiftHandedOver(row.id(), unitId, row.shiftStart(), row.shiftEnd(), row.preparedBy(),
                actor.username(), now, carried));
        return view(repository.find(row.id()).orElseThrow());
    }

    /** A handover as printed for the paper record: an export like a download, and audited as one. */
    @Transactional
    public Handover print(Actor actor, UUID handoverId) {
        Handover handover = get(actor, handoverId);
        audit.record("EXPORTED", "handover:" + handoverId, AuditOutcome.SUCCESS, "打印交接班记录");
        return handover;
    }

    /** A handover, for reading by anyone who may see the unit. */
    @Transactional(readOnly = true)
    public Handover get(Actor actor, UUID handoverId) {
        HandoverRow row = repository.find(handoverId).orElseThrow(() -> notFound(handoverId));
        scope.requireVisible(actor, row.unitId(), () -> notFound(handoverId));
        return view(row);
    }

    /**
     * A unit's handovers of shifts beginning on the China days from {@code from} to {@code to}, both included, newest
     * first. The days are bounded before they become instants: the day after +999999999-12-31 does not exist.
     */
    @Transactional(readOnly = true)
    public List<Handover> onDays(Actor actor, UUID unitId, LocalDate from, LocalDate to) {
        AcceptedDates.requireDate("from", from, clock);
        AcceptedDates.requireDate("to", to, clock);
        if (from.isAfter(to)) {
            throw ZhibanException.invalidField("from", "开始日期不能晚于结束日期");
        }
        return between(actor, unitId, from.atStartOfDay(Zones.CHINA).toInstant(),
                to.plusDays(1).atStartOfDay(Zones.CHINA).toInstant());
    }

    /** A unit's handovers of shifts beginning in [from, to), newest first. */
    @Transactional(readOnly = true)
    public List<Handover> between(Actor actor, UUID unitId, Instant from, Instant to) {
        scope.requireVisible(actor, unitId);
        AcceptedDates.requireInstant("from", from, clock);
        AcceptedDates.requireInstant("to", to, clock);
        return repository.between(unitId, from, to).stream().map(this::view).toList();
    }

    /** The items the last accepted handover passed on to the shifts after it: what the officers on duty take up. */
    @Transactional(readOnly = true)
    public Optional<Handover> lastAccepted(Actor actor) {
        if (actor.unitId() == null) {
            return Optional.empty();
        }
        return repository.lastAccepted(actor.unitId(), clock.instant()).map(this::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> openSince(UUID unitId, Instant currentShiftStart) {
        return previousStillOpen(unitId, currentShiftStart).map(previous -> previous.start().toInstant());
    }

    /**
     * The shift a handover is for now: the shift on duty, unless the one before it is still open. A shift is not
     * closed until the incoming officer accepts it (宝政办发〔2022〕43号 第十二条: 书面签字，当面交接).
     */
    OnDuty.ShiftTime shiftToHandOver(UUID unitId, Instant now) {
        OnDuty.ShiftTime current = onDuty.current(unitId, now).shift();
        if (current == null) {
            throw ZhibanException.conflict("NO_SHIFT", "本单位此时没有排班，无班次可交接；请先排班并发布");
        }
        return previousStillOpen(unitId, current.start().toInstant()).orElse(current);
    }

    /**
     * The shift that ended when the current one began, while it is open: signed but not yet accepted, or not signed
     * at all in a unit whose shift before that was handed over.
     */
    private Optional<OnDuty.ShiftTime> previousStillOpen(UUID unitId, Instant currentStart) {
        OnDuty.ShiftTime previous = onDuty.current(unitId, currentStart.minusSeconds(1)).shift();
        if (previous == null || !previous.end().toInstant().equals(currentStart)) {
            return Optional.empty();
        }
        Instant previousStart = previous.start().toInstant();
        boolean open = repository.ofShift(unitId, previousStart).map(row -> row.status() != HandoverStatus.ACCEPTED)
                .orElseGet(() -> repository.acceptedEndingAt(unitId, previousStart));
        return open ? Optional.of(previous) : Optional.empty();
    }

    /**
     * Who may sign the handover now and who may accept it, for the page: the officers of the shift handed over and of
     * the next one, whether the actor is among them or may sign for them as the office head, and from when.
     */
    @Transactional(readOnly = true)
    public Signers signers(Actor actor, OnDuty.ShiftTime shift) {
        UUID unitId = requireDutyOfficer(actor);
        EffectivePolicy policy = policies.effective(unitId);
        UUID me = personOf(actor);
        List<OnDuty.PersonOnDuty> outgoing = crew(unitId, shift.start().toInstant());
        List<OnDuty.PersonOnDuty> incoming = crew(unitId, shift.end().toInstant());
        Optional<EffectiveRule> rule = signingRule(policy);
        return new Signers(outgoing, incoming, rule.isEmpty() || onShift(outgoing, me),
                rule.isEmpty() || onShift(incoming, me), rule.isPresent() && actor.has(Role.DUTY_OFFICE_HEAD),
                Zones.china(opensAt(shift.end().toInstant(), policy)), rule.map(EffectiveRule::citation).orElse(null));
    }

    /**
     * The rule that a handover is signed by the two shifts' own officers: the policy's face-to-face signing
     * (宝政办发〔2022〕43号 第十二条: 书面签字，当面交接; 龙政办〔2023〕2号 六（二）: 签字确认), or its handover
     * rule for the incoming officer (X区值班工作标准规范 第十七条). Empty where the policy says nothing of handover.
     */
    static Optional<EffectiveRule> signingRule(EffectivePolicy policy) {
        return policy.rule(RuleKey.HANDOVER_SIGNED).filter(rule -> rule.ruleValue().asBoolean())
                .or(() -> policy.rule(RuleKey.HANDOVER_INCOMING_EARLY));
    }

    /**
     * The signer is an officer of the shift they sign for; the office head may sign for one of them, chosen
     * explicitly, and the record says so. Returns the name signed for, or empty when the officer signed themselves.
     */
    static Optional<String> requireOnShift(List<OnDuty.PersonOnDuty> officers, UUID signer, Actor actor, UUID signingFor,
            String field, String citation) {
        if (signingFor != null) {
            if (!actor.has(Role.DUTY_OFFICE_HEAD)) {
                throw ZhibanException.forbidden("HANDOVER_SIGN_FOR", "只有值班室负责人可以代值班员签字（" + citation + "）");
            }
            return Optional.of(officers.stream().filter(o -> o.personId().equals(signingFor)).findFirst()
                    .map(OnDuty.PersonOnDuty::name).orElseThrow(() -> ZhibanException.invalidField(field,
                            "所选人员不是该班次的值班员：" + names(officers))));
        }
        if (onShift(officers, signer)) {
            return Optional.empty();
        }
        if (actor.has(Role.DUTY_OFFICE_HEAD) && !officers.isEmpty()) {
            // The head's page offers the choice; an empty choice is a slip on the form, not a refusal of the head.
            throw ZhibanException.invalidField(field, "您不是该班次的值班员，请选择代哪一名值班员签字（" + names(officers)
                    + "；" + citation + "）");
        }
        throw ZhibanException.forbidden("HANDOVER_NOT_ON_SHIFT", "您不是该班次的值班员（" + names(officers) + "），不能签字（"
                + citation + "）");
    }

    /**
     * A handover is signed and accepted at the change of shift, face to face: from the window before the shift ends
     * (wider where the policy asks the incoming officer to arrive earlier), not hours ahead.
     */
    static void requireWithinWindow(Instant now, Instant shiftEnd, EffectivePolicy policy) {
        Optional<EffectiveRule> rule = signingRule(policy);
        Instant opens = opensAt(shiftEnd, policy);
        if (rule.isPresent() && now.isBefore(opens)) {
            throw ZhibanException.conflict("HANDOVER_TOO_EARLY", "交接班在换班时当面进行：本班次 "
                    + Zones.MINUTE.format(shiftEnd) + " 结束，" + Zones.MINUTE.format(opens) + " 起方可交接（"
                    + rule.get().citation() + "）");
        }
    }

    static Instant opensAt(Instant shiftEnd, EffectivePolicy policy) {
        Duration early = policy.rule(RuleKey.HANDOVER_INCOMING_EARLY).map(r -> r.ruleValue().asDuration())
                .filter(d -> d.compareTo(HANDOVER_WINDOW) > 0).orElse(HANDOVER_WINDOW);
        return shiftEnd.minus(early);
    }

    private List<OnDuty.PersonOnDuty> crew(UUID unitId, Instant at) {
        return onDuty.current(unitId, at).dutyOfficers();
    }

    private static boolean onShift(List<OnDuty.PersonOnDuty> officers, UUID personId) {
        return personId != null && officers.stream().anyMatch(o -> o.personId().equals(personId));
    }

    private static String names(List<OnDuty.PersonOnDuty> officers) {
        return officers.isEmpty() ? "未排值班员" : "本班值班员：" + String.join("、",
                officers.stream().map(OnDuty.PersonOnDuty::name).toList());
    }

    private UUID personOf(Actor actor) {
        return actor.accountId() == null ? null : accounts.personOf(actor.accountId()).orElse(null);
    }

    /** Each item has a kind and what it is about, briefly (宝政办发〔2022〕43号 第十二条: 事项记载清楚). */
    static List<HandoverItem> requireItemsComplete(List<HandoverItem> items) {
        List<HandoverItem> complete = new ArrayList<>();
        for (HandoverItem item : items == null ? List.<HandoverItem>of() : items) {
            if (item == null || (item.kind() == null && blank(item.content()))) {
                continue;
            }
            int line = complete.size() + 1;
            if (item.kind() == null) {
                throw ZhibanException.invalidField("items", "第" + line + "项：请选择已办、待办、跟踪或关注");
            }
            if (blank(item.content())) {
                throw ZhibanException.invalidField("items", "第" + line + "项：请写明事项内容");
            }
            if (item.content().trim().length() > CONTENT_LENGTH) {
                throw ZhibanException.invalidField("items", "第" + line + "项：不超过 " + CONTENT_LENGTH + " 个字");
            }
            complete.add(new HandoverItem(item.kind(), item.content().trim(), item.entryId(), item.obligationId()));
        }
        return complete;
    }

    /**
     * Every piece of equipment is reported, and one not in order says what is wrong so that the incoming officer
     * can act (X区值班工作标准规范 第十七条: 对值班设备进行认真检查，确保设备正常使用).
     */
    static List<EquipmentCheck> requireEquipmentExplained(List<EquipmentCheck> equipment) {
        List<EquipmentCheck> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (EquipmentCheck check : equipment == null ? List.<EquipmentCheck>of() : equipment) {
            if (check == null || blank(check.name()) || !names.add(check.name().trim())) {
                throw ZhibanException.invalidField("equipment", "设备名称缺失或重复");
            }
            if (check.name().trim().length() > 50 || (check.remark() != null && check.remark().trim().length() > 200)) {
                throw ZhibanException.invalidField("equipment", check.name().trim() + "：名称不超过 50 字，情况说明不超过 200 字");
            }
            if (!check.inOrder() && blank(check.remark())) {
                throw ZhibanException.invalidField("equipment", check.name().trim() + " 不正常：请说明情况");
            }
            checked.add(new EquipmentCheck(check.name().trim(), check.inOrder(), trim(check.remark())));
        }
        if (!names.containsAll(EQUIPMENT)) {
            throw ZhibanException.invalidField("equipment", "请检查全部值班设备：" + String.join("、", EQUIPMENT));
        }
        return checked;
    }

    /**
     * Handing over is between two people face to face: nobody accepts their own handover. The refusal cites the
     * unit's own face-to-face signing rule where its policy has one, and no article otherwise.
     */
    static void requireIncomingNotOutgoing(HandoverRow row, Actor incoming, EffectivePolicy policy) {
        if (row.preparedBy().equals(incoming.username())) {
            String citation = policy.rule(RuleKey.HANDOVER_SIGNED).filter(rule -> rule.ruleValue().asBoolean())
                    .map(EffectiveRule::citation).map(EffectiveRule::cited).orElse("");
            throw ZhibanException.conflict("HANDOVER_SELF", "交班人不能自己接班，须由接班值班员确认" + citation);
        }
    }

    /** An accepted handover is signed by both and final. */
    static void requireNotAccepted(HandoverRow row) {
        if (row.status() == HandoverStatus.ACCEPTED) {
            throw ZhibanException.conflict("HANDOVER_ACCEPTED", "该班次已于 " + Zones.MINUTE.format(row.acceptedAt())
                    + " 由 " + row.acceptedByName() + " 接班，交接单不能再改");
        }
    }

    private List<HandoverItem> prefill(Actor actor, Instant shiftStart) {
        List<HandoverItem> items = new ArrayList<>();
        DutyLog.Standing standing = dutyLog.standing(actor, shiftStart);
        standing.settled().forEach(entry -> items.add(fromEntry(FollowUp.DONE, entry)));
        standing.open().forEach(entry -> items.add(fromEntry(entry.followUp(), entry)));
        repository.lastAccepted(actor.unitId(), shiftStart).ifPresent(last -> repository.items(last.id()).stream()
                .filter(item -> item.carriesOver() && item.entryId() == null && item.obligationId() == null)
                .forEach(items::add));
        for (Obligation open : obligations.openOf(List.of(actor.unitId()), OPEN_OBLIGATIONS)) {
            items.add(new HandoverItem(FollowUp.PENDING, shorten(open.title() + "（时限 "
                    + Zones.MINUTE.format(open.dueAt()) + "）"), null, open.id()));
        }
        return items;
    }

    private static HandoverItem fromEntry(FollowUp kind, DutyLogEntry entry) {
        return new HandoverItem(kind, shorten(entry.number() + " " + entry.kind().label() + "：" + entry.summary()),
                entry.id(), null);
    }

    private static String shorten(String content) {
        return content.length() <= CONTENT_LENGTH ? content : content.substring(0, CONTENT_LENGTH - 1) + "…";
    }

    private Handover view(HandoverRow row) {
        String late = row.acceptedAt() == null ? null : lateAcceptance(row.acceptedAt(), row.shiftEnd(),
                policies.effective(row.unitId()).rule(RuleKey.HANDOVER_INCOMING_EARLY)).orElse(null);
        return new Handover(row.id(), row.unitId(), Zones.china(row.shiftStart()), Zones.china(row.shiftEnd()),
                row.status(), repository.items(row.id()), repository.equipment(row.id()), row.notes(), row.preparedBy(),
                row.preparedByName(), Zones.china(row.preparedAt()), row.acceptedBy(), row.acceptedByName(),
                row.acceptedAt() == null ? null : Zones.china(row.acceptedAt()), row.acceptanceRemark(), late,
                row.preparedForName(), row.acceptedForName());
    }

    /**
     * The incoming officer is to take over a set time before the shift ends, where the policy says so; acceptance
     * marks the taking over (X区值班工作标准规范 第十七条: 接班人员应提前10分钟到岗). Empty when on time or the policy is silent.
     */
    static Optional<String> lateAcceptance(Instant acceptedAt, Instant shiftEnd, Optional<EffectiveRule> early) {
        return early.filter(rule -> acceptedAt.isAfter(shiftEnd.minus(rule.ruleValue().asDuration())))
                .map(rule -> "接班晚于规定：应于 " + Zones.MINUTE.format(shiftEnd.minus(rule.ruleValue().asDuration()))
                        + " 前接班（" + rule.citation() + "）");
    }

    /**
     * Who signs a handover: the officers of the shift handed over and of the next, whether the actor is on each (true
     * where the policy sets no signing rule), whether they may sign for them as office head, and from when.
     */
    public record Signers(List<OnDuty.PersonOnDuty> outgoing, List<OnDuty.PersonOnDuty> incoming, boolean onOutgoing,
            boolean onIncoming, boolean mayActFor, OffsetDateTime opensAt, String citation) {
    }

    private static UUID requireDutyOfficer(Actor actor) {
        if (!actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "只有值班员可以交接班");
        }
        return actor.unitId();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return blank(value) ? null : value.trim();
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("HANDOVER_NOT_FOUND", "交接单不存在：" + id);
    }
}

package org.zhiban.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.internal.SupervisionRepository;
import org.zhiban.supervision.internal.SupervisionRepository.VideoRow;

/**
 * Requests for video images (宝政办发〔2022〕43号 第二十三条): a superior asks a unit below it; the unit pushes within
 * its policy's minutes and names the stream it pushed — Zhiban carries no video itself.
 */
@Service
public class VideoRequests {

    private static final int LIST_LIMIT = 100;

    private final SupervisionRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final Obligations obligations;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VideoRequests(SupervisionRepository repository, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            Obligations obligations, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.obligations = obligations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Asks a unit below for its video images; the unit owes the push by its own policy, where it has the rule. */
    @Transactional
    public VideoRequest request(Actor actor, UUID unitId, String subject) {
        UnitScope.refusePlatformAdministrator(actor);
        Supervisors.requireDutyOffice(actor);
        FieldChecks checks = new FieldChecks();
        checks.require(unitId != null && !unitId.equals(actor.unitId()) && unitTree.find(unitId).isPresent()
                && unitTree.isWithin(actor.unitId(), unitId), "unitId", "请选择本单位的一个下级单位");
        String text = checks.text("subject", subject, "调取事由", 200, true);
        checks.done();
        Instant now = clock.instant();
        VideoRow row = new VideoRow(UUID.randomUUID(), actor.unitId(), unitId, text, now, actor.username(), null,
                null, null);
        repository.insert(row);
        SupervisionDeadlines.push(now, policies.effective(unitId)).ifPresent(d -> obligations.open(
                new OpenObligation(unitId, SupervisionKinds.VIDEO_PUSH.code(), RollCalls.MODULE, subject(row.id()),
                        "推送视频图像：" + Supervisors.shortened(text, 180), d.dueAt(), d.citation())));
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), unitId, actor.unitId(),
                "调取视频图像：" + text, page()));
        audit.record("VIDEO_REQUESTED", "video-request:" + row.id(), AuditOutcome.SUCCESS, unitName(unitId) + "："
                + text);
        return view(row);
    }

    /** The unit confirms the push and names the stream (its name or address on the video platform). */
    @Transactional
    public VideoRequest push(Actor actor, UUID requestId, String stream) {
        VideoRow row = repository.lockVideo(requestId).orElseThrow(() -> notFound(requestId));
        Supervisors.requireDutyOffice(actor);
        if (!row.unitId().equals(actor.unitId())) {
            throw scope.canSee(actor, row.unitId()) || actor.unitId().equals(row.requesterUnitId())
                    ? ZhibanException.forbidden("NOT_REQUESTED", "只有被调取的单位才能确认推送") : notFound(requestId);
        }
        if (row.pushedAt() != null) {
            throw ZhibanException.conflict("ALREADY_PUSHED", "已于 " + Zones.MINUTE.format(row.pushedAt()) + " 推送");
        }
        FieldChecks checks = new FieldChecks();
        String name = checks.text("stream", stream, "推送的视频通道名称或地址", 300, true);
        checks.done();
        Instant now = clock.instant();
        repository.pushed(row.id(), now, actor.username(), name);
        obligations.fulfilFor(RollCalls.MODULE, subject(row.id()), SupervisionKinds.VIDEO_PUSH.code(),
                actor.username());
        events.publishEvent(new SupervisionEvents.Notice(UUID.randomUUID(), row.requesterUnitId(), row.unitId(),
                unitName(row.unitId()) + "已推送视频图像", page()));
        audit.record("VIDEO_PUSHED", "video-request:" + row.id(), AuditOutcome.SUCCESS, unitName(row.unitId())
                + " 推送：" + name);
        return view(repository.video(row.id()).orElseThrow());
    }

    @Transactional(readOnly = true)
    public VideoRequest get(Actor actor, UUID requestId) {
        VideoRow row = repository.video(requestId).orElseThrow(() -> notFound(requestId));
        if (!scope.canSee(actor, row.requesterUnitId()) && !scope.canSee(actor, row.unitId())) {
            throw notFound(requestId);
        }
        return view(row);
    }

    /** The requests the actor's unit made or received, those still to push first. */
    @Transactional(readOnly = true)
    public List<VideoRequest> list(Actor actor) {
        Supervisors.requireUnit(actor);
        return views(repository.videosOf(actor.unitId(), LIST_LIMIT));
    }

    /** The requests the actor's unit has still to push: its dashboard's. */
    @Transactional(readOnly = true)
    public List<VideoRequest> unpushed(Actor actor, int limit) {
        return actor.unitId() == null ? List.of() : views(repository.unpushedFor(actor.unitId(), limit));
    }

    private VideoRequest view(VideoRow row) {
        return views(List.of(row)).get(0);
    }

    private List<VideoRequest> views(List<VideoRow> rows) {
        Map<String, List<Obligation>> owed = obligations.forSubjects(RollCalls.MODULE, rows.stream()
                .map(r -> subject(r.id())).toList());
        Map<UUID, String> names = unitTree.findAll(rows.stream().flatMap(r -> java.util.stream.Stream.of(
                r.requesterUnitId(), r.unitId())).distinct().toList()).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        return rows.stream().map(r -> new VideoRequest(r.id(), r.requesterUnitId(), names.get(r.requesterUnitId()),
                r.unitId(), names.get(r.unitId()), r.subject(), Zones.china(r.requestedAt()), r.requestedBy(),
                r.pushedAt() == null ? null : Zones.china(r.pushedAt()), r.stream(),
                owed.getOrDefault(subject(r.id()), List.of()).stream().map(obligations::view).toList())).toList();
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    static String subject(UUID requestId) {
        return "video-request:" + requestId;
    }

    static String page() {
        return "/supervision#video-requests";
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("VIDEO_REQUEST_NOT_FOUND", "视频调取不存在：" + id);
    }
}

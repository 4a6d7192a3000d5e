package org.zhiban.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.obligation.internal.ObligationRepository;
import org.zhiban.organization.Subtrees.Reach;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Page;
import org.zhiban.shared.ZhibanException;

/**
 * Opening, fulfilling and waiving obligations. Domain modules call this with their own ids; the clock
 * ({@link ObligationClock}) does the rest. Lateness is recorded when an obligation is fulfilled after its due time.
 */
@Service
public class Obligations {

    private final ObligationRepository repository;
    private final ObligationKinds kinds;
    private final UnitTree unitTree;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Obligations(ObligationRepository repository, ObligationKinds kinds, UnitTree unitTree,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.kinds = kinds;
        this.unitTree = unitTree;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Obligation open(OpenObligation command) {
        Instant now = clock.instant();
        ObligationKind kind = requireKindAndUnit(command);
        Instant startedAt = startOf(command, now);
        requireDueAfterStart(command.dueAt(), startedAt);
        // Deadlines are kept to the millisecond, which every database stores exactly.
        Instant dueAt = command.dueAt().truncatedTo(ChronoUnit.MILLIS);
        // An obligation with a window is shown as opened when the window opens, before or after this moment.
        Instant openedAt = (command.opensAt() != null ? command.opensAt() : startedAt).truncatedTo(ChronoUnit.MILLIS);
        StepPlan plan = StepPlan.of(kind, now, dueAt);
        Obligation obligation = new Obligation(UUID.randomUUID(), command.obligorUnitId(), kind.code(),
                command.subjectModule(), command.subjectId(), command.title().trim(), command.citation(), openedAt,
                dueAt, ObligationStatus.OPEN, false, plan.reminderAt(), null, null, null);
        Step first = plan.first();
        repository.insert(obligation, plan.superiorEscalationAt(), first, plan.firstFireAt(now));
        events.publishEvent(new ObligationEvents.ObligationOpened(ObligationEvents.Summary.of(obligation)));
        return obligation;
    }

    /** Fulfils an obligation; after its due time the lateness is recorded (迟报). */
    @Transactional
    public Obligation fulfil(UUID obligationId, String by) {
        return close(obligationId, ObligationStatus.FULFILLED, null, by);
    }

    /**
     * Fulfils an obligation as of a moment already past, when it was seen to be met then: a unit the organiser saw
     * online on time at a roll call. The moment is kept between the obligation's opening and now.
     */
    @Transactional
    public Obligation fulfilAt(UUID obligationId, Instant at, String by) {
        return close(obligationId, ObligationStatus.FULFILLED, null, by, at);
    }

    /** Fulfils the open obligations of a kind about a subject, e.g. the written report of an incident. */
    @Transactional
    public List<Obligation> fulfilFor(String subjectModule, String subjectId, String kind, String by) {
        return repository.forSubject(subjectModule, subjectId).stream()
                .filter(o -> o.isOpen() && o.kind().equals(kind))
                .map(o -> fulfil(o.id(), by))
                .toList();
    }

    @Transactional
    public Obligation waive(UUID obligationId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw ZhibanException.invalidField("reason", "请说明免除的理由");
        }
        return close(obligationId, ObligationStatus.WAIVED, reason.trim(), by);
    }

    /**
     * Closes an open obligation as never met, with what was found: a unit absent from a roll call never came online.
     * It counts against the unit in the timeliness ledger like a breach recorded afterwards.
     */
    @Transactional
    public Obligation breach(UUID obligationId, String finding, String by) {
        if (finding == null || finding.isBlank()) {
            throw ZhibanException.invalidField("finding", "请写明认定的事实");
        }
        return close(obligationId, ObligationStatus.BREACHED, finding.trim(), by);
    }

    /**
     * Records an obligation that was never met and came to light afterwards — an incident the unit did not report
     * (漏报), concealed (瞒报) or reported falsely (谎报). It is closed as breached at once, due at the given time, and
     * counts against the unit in the timeliness ledger like any other.
     */
    @Transactional
    public Obligation recordBreach(OpenObligation command, String finding, String by) {
        if (finding == null || finding.isBlank()) {
            throw ZhibanException.invalidField("finding", "请写明认定的事实");
        }
        ObligationKind kind = requireKindAndUnit(command);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant dueAt = command.dueAt() == null ? now : command.dueAt().truncatedTo(ChronoUnit.MILLIS);
        if (dueAt.isAfter(now)) {
            throw ZhibanException.invalidField("dueAt", "认定未履行的事项，其应办时间不能晚于当前时间");
        }
        Obligation breached = new Obligation(UUID.randomUUID(), command.obligorUnitId(), kind.code(),
                command.subjectModule(), command.subjectId(), command.title().trim(), command.citation(), now, dueAt,
                ObligationStatus.BREACHED, true, null, null, null, finding.trim());
        repository.insert(breached, null, null, null);
        repository.close(breached.id(), ObligationStatus.BREACHED, now, null, finding.trim(), by);
        events.publishEvent(new ObligationEvents.ObligationClosed(ObligationEvents.Summary.of(breached),
                ObligationStatus.BREACHED, now));
        return breached;
    }

    /**
     * Records an obligation that comes to be known only when it is met: a notice whose deadline is reckoned from
     * what it announces (a principal's absence is notified three days before the departure it names). It is closed
     * as fulfilled at {@code fulfilledAt}, late when that is after the due time, and counts in the timeliness ledger
     * like any other.
     */
    @Transactional
    public Obligation recordFulfilled(OpenObligation command, Instant fulfilledAt, String by) {
        ObligationKind kind = requireKindAndUnit(command);
        if (command.dueAt() == null) {
            throw ZhibanException.invalidField("dueAt", "请填写截止时间");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant at = fulfilledAt.truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now)) {
            throw new IllegalArgumentException("an obligation is not fulfilled in the future: " + at);
        }
        Instant dueAt = command.dueAt().truncatedTo(ChronoUnit.MILLIS);
        Obligation recorded = new Obligation(UUID.randomUUID(), command.obligorUnitId(), kind.code(),
                command.subjectModule(), command.subjectId(), command.title().trim(), command.citation(),
                at.isBefore(now) ? at : now, dueAt, ObligationStatus.FULFILLED, at.isAfter(dueAt), null, at,
                lateness(dueAt, at), null);
        repository.insert(recorded, null, null, null);
        repository.close(recorded.id(), ObligationStatus.FULFILLED, at, lateness(dueAt, at).toSeconds(), null, by);
        events.publishEvent(new ObligationEvents.ObligationClosed(ObligationEvents.Summary.of(recorded),
                ObligationStatus.FULFILLED, at));
        return recorded;
    }

    /**
     * Opens again an obligation whose fulfilment the receiving office returned (退回): the same deadline, so a
     * deadline passed meanwhile makes it overdue at once, and the steps that have not fired yet still will.
     */
    @Transactional
    public Obligation reopen(UUID obligationId) {
        ObligationRepository.Stored stored = repository.lock(obligationId).orElseThrow(() -> notFound(obligationId));
        if (stored.obligation().status() != ObligationStatus.FULFILLED) {
            throw ZhibanException.conflict("OBLIGATION_NOT_FULFILLED", "只有已办结的事项可以退回重办");
        }
        return reschedule(stored.obligation(), stored.obligation().dueAt());
    }

    /** Moves an open obligation's deadline later (an extension granted); the steps still to fire follow it. */
    @Transactional
    public Obligation extend(UUID obligationId, Instant dueAt) {
        ObligationRepository.Stored stored = repository.lock(obligationId).orElseThrow(() -> notFound(obligationId));
        Obligation current = stored.obligation();
        if (!current.isOpen()) {
            throw ZhibanException.conflict("OBLIGATION_CLOSED", "该事项已" + current.status().label());
        }
        if (!dueAt.isAfter(current.dueAt())) {
            throw ZhibanException.invalidField("dueAt", "延期后的截止时间应晚于原截止时间");
        }
        return reschedule(current, dueAt.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Moves an open obligation's deadline to where it is counted again on a corrected calendar — earlier or later;
     * the steps still to fire follow it, and a deadline now passed makes it overdue at once.
     */
    @Transactional
    public Obligation recount(UUID obligationId, Instant dueAt) {
        ObligationRepository.Stored stored = repository.lock(obligationId).orElseThrow(() -> notFound(obligationId));
        if (!stored.obligation().isOpen()) {
            throw ZhibanException.conflict("OBLIGATION_CLOSED", "该事项已" + stored.obligation().status().label());
        }
        return reschedule(stored.obligation(), dueAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private Obligation reschedule(Obligation current, Instant dueAt) {
        Instant now = clock.instant();
        ObligationKind kind = kinds.find(current.kind()).orElseThrow();
        StepPlan plan = StepPlan.of(kind, now, dueAt);
        List<Step> fired = new ArrayList<>(repository.firedSteps(current.id()));
        // A step that fired for the old deadline but lies ahead under the new one fires again, for the new one.
        List<Step> rearmed = fired.stream().filter(s -> plan.timeOf(s) != null && plan.timeOf(s).isAfter(now))
                .toList();
        repository.forgetFirings(current.id(), rearmed);
        fired.removeAll(rearmed);
        Step next = plan.first();
        while (next != null && fired.contains(next)) {
            next = StepPlan.after(next);
        }
        repository.reschedule(current.id(), dueAt, !dueAt.isAfter(now), plan.reminderAt(), plan.superiorEscalationAt(),
                next, next == null ? null : StepPlan.notBefore(plan.timeOf(next), now));
        Obligation reopened = repository.find(current.id()).orElseThrow().obligation();
        events.publishEvent(new ObligationEvents.ObligationOpened(ObligationEvents.Summary.of(reopened)));
        return reopened;
    }

    @Transactional(readOnly = true)
    public Obligation get(UUID obligationId) {
        return repository.find(obligationId).map(ObligationRepository.Stored::obligation)
                .orElseThrow(() -> notFound(obligationId));
    }

    @Transactional(readOnly = true)
    public List<Obligation> forSubject(String subjectModule, String subjectId) {
        return repository.forSubject(subjectModule, subjectId);
    }

    /** The obligations about each of the subjects, in due order; a subject without any is absent. */
    @Transactional(readOnly = true)
    public Map<String, List<Obligation>> forSubjects(String subjectModule, List<String> subjectIds) {
        return repository.forSubjects(subjectModule, subjectIds).stream()
                .collect(Collectors.groupingBy(Obligation::subjectId, LinkedHashMap::new, Collectors.toList()));
    }

    /** An obligation as the API shows it, with its kind's label. */
    public ObligationView view(Obligation obligation) {
        return ObligationView.of(obligation, kinds.label(obligation.kind()), clock.instant());
    }

    /**
     * Obligations of one kind due in a period below a unit, per direct subordinate over its whole subtree, the most
     * overdue first: what a superior watches fill up as a deadline nears (a holiday day's reports across a province).
     */
    @Transactional(readOnly = true)
    public List<KindCounts> perSubordinate(UUID unitId, String kind, Instant from, Instant to) {
        return repository.kindPerChild(unitId, kind, from, to, clock.instant()).stream()
                .map(r -> new KindCounts(r.unitId(), unitTree.find(r.unitId()).map(Unit::name).orElse(""), r.due(),
                        r.fulfilled(), r.late(), r.open(), r.overdue()))
                .sorted(Comparator.comparingLong(KindCounts::overdue).thenComparingLong(KindCounts::open).reversed()
                        .thenComparing(KindCounts::unitName))
                .toList();
    }

    /** One direct subordinate's obligations of a kind, over its subtree. */
    public record KindCounts(UUID unitId, String unitName, long due, long fulfilled, long late, long open,
            long overdue) {
    }

    /** A page of the obligations of the units reached from one; status and kind are optional. */
    @Transactional(readOnly = true)
    public Page<Obligation> page(UUID unitId, Reach reach, ObligationStatus status, String kind, int page, int size) {
        Page.requireRequest(page, size);
        return new Page<>(repository.page(unitId, reach, status, kind, Page.offset(page, size), size),
                repository.count(unitId, reach, status, kind), page, size);
    }

    @Transactional(readOnly = true)
    public List<Obligation> openOf(List<UUID> unitIds, int limit) {
        return repository.openOf(unitIds, clock.instant(), limit);
    }

    public ObligationKinds kinds() {
        return kinds;
    }

    private ObligationKind requireKindAndUnit(OpenObligation command) {
        ObligationKind kind = kinds.find(command.kind()).orElseThrow(() -> ZhibanException.invalidField("kind",
                "未知的时限事项类别：" + command.kind()));
        unitTree.find(command.obligorUnitId()).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + command.obligorUnitId()));
        if (command.title() == null || command.title().isBlank()) {
            throw ZhibanException.invalidField("title", "请填写事项名称");
        }
        return kind;
    }

    /** The clock starts at opening unless the command says it started earlier; it never starts in the future. */
    static Instant startOf(OpenObligation command, Instant now) {
        if (command.startedAt() == null) {
            return now;
        }
        if (command.startedAt().isAfter(now)) {
            throw ZhibanException.invalidField("startedAt", "计时起点不能晚于当前时间");
        }
        return command.startedAt();
    }

    /**
     * A deadline lies after the moment its clock starts. With a clock that started earlier it may already have passed
     * when the obligation is opened: the obligation is then overdue at once.
     */
    static void requireDueAfterStart(Instant dueAt, Instant startedAt) {
        if (dueAt == null) {
            throw ZhibanException.invalidField("dueAt", "请填写截止时间");
        }
        if (!dueAt.isAfter(startedAt)) {
            throw ZhibanException.invalidField("dueAt", "截止时间应晚于开启时间");
        }
    }

    private Obligation close(UUID obligationId, ObligationStatus status, String reason, String by) {
        return close(obligationId, status, reason, by, null);
    }

    private Obligation close(UUID obligationId, ObligationStatus status, String reason, String by, Instant at) {
        ObligationRepository.Stored stored = repository.lock(obligationId).orElseThrow(() -> notFound(obligationId));
        Obligation current = stored.obligation();
        if (!current.isOpen()) {
            throw ZhibanException.conflict("OBLIGATION_CLOSED", "该事项已" + current.status().label());
        }
        Instant now = at == null ? clock.instant() : latest(current.openedAt(), earliest(at, clock.instant()));
        Long lateness = status == ObligationStatus.FULFILLED ? lateness(current.dueAt(), now).toSeconds() : null;
        repository.close(obligationId, status, now, lateness, reason, by);
        Obligation closed = repository.find(obligationId).orElseThrow().obligation();
        events.publishEvent(new ObligationEvents.ObligationClosed(ObligationEvents.Summary.of(closed), status, now));
        return closed;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** How late something done at {@code at} is against {@code dueAt}: zero when on time. */
    static Duration lateness(Instant dueAt, Instant at) {
        return at.isAfter(dueAt) ? Duration.between(dueAt, at) : Duration.ZERO;
    }

    static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("OBLIGATION_NOT_FOUND", "时限事项不存在：" + id);
    }
}

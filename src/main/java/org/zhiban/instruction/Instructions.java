package org.zhiban.instruction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.calendar.HolidayNoticeLoaded;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.instruction.FeedbackDeadlines.Deadline;
import org.zhiban.instruction.internal.InstructionRepository;
import org.zhiban.instruction.internal.InstructionRepository.AssignmentRow;
import org.zhiban.instruction.internal.InstructionRepository.AttachmentRow;
import org.zhiban.instruction.internal.InstructionRepository.ExtensionRow;
import org.zhiban.instruction.internal.InstructionRepository.FeedbackRow;
import org.zhiban.instruction.internal.InstructionRepository.InstructionRow;
import org.zhiban.instruction.internal.InstructionRepository.StoredFile;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.OpenObligation;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.reporting.Incidents;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.AttachmentType;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Role;
import org.zhiban.shared.Secrecy;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * Leaders' instructions, from registration to the accepted feedback (宝政办发〔2022〕43号 第六条（三）, 第十五条,
 * 第十八条). The registering office owes its feedback upward by the deadline of its own policy; each unit it forwards
 * to signs, reports to its head and feeds back by an earlier deadline; the forwarding office accepts or returns each
 * feedback and decides extensions. Every deadline is an obligation on the clock, every step in the audit trail.
 */
@Service
public class Instructions {

    static final String MODULE = "instruction";
    /** Registered more than this after it was received, an instruction is marked as registered late (补登). */
    static final Duration REGISTERED_LATE_AFTER = Duration.ofHours(1);
    private static final int PAGE_LIMIT = 100;
    /** The most instructions one .xlsx of the ledger holds; a province's whole history is not one download. */
    static final int EXPORT_LIMIT = 10_000;

    private final InstructionRepository repository;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final WorkingCalendar calendar;
    private final Obligations obligations;
    private final Incidents incidents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Instructions(InstructionRepository repository, UnitTree unitTree, UnitScope scope, DutyPolicies policies,
            WorkingCalendar calendar, Obligations obligations, Incidents incidents, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.calendar = calendar;
        this.obligations = obligations;
        this.incidents = incidents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers an instruction the actor's duty office received and forwards it to the units that must act; every
     * bad field is named at once and nothing is written.
     */
    @Transactional
    public Instruction register(Actor actor, InstructionCommand command) {
        UnitScope.refusePlatformAdministrator(actor);
        Secrecy.requireNotClassified(command.classified());
        requireDutyOffice(actor);
        Instant now = clock.instant();
        UUID office = actor.unitId();
        FieldChecks checks = new FieldChecks();
        checks.require(command.source() != null, "source", "请选择批示来源");
        checks.require(command.kind() != null, "kind", "请选择批示类别（批办、指导或参阅）");
        String leaderName = checks.text("leaderName", command.leaderName(), "批示领导姓名", 50, true);
        String leaderPost = checks.text("leaderPost", command.leaderPost(), "批示领导职务", 100, false);
        String text = checks.text("text", command.text(), "批示内容", 4000, true);
        Instant givenAt = checks.check(() -> AcceptedDates.requirePastInstant("givenAt", command.givenAt(), clock));
        Instant receivedAt = checks.check(() -> AcceptedDates.requirePastInstant("receivedAt", command.receivedAt(),
                clock));
        checks.require(command.givenAt() != null, "givenAt", "请填写批示时间");
        checks.require(command.receivedAt() != null, "receivedAt", "请填写收到时间");
        checks.require(givenAt == null || receivedAt == null || !receivedAt.isBefore(givenAt), "receivedAt",
                "收到时间不能早于批示时间");
        Instant requested = checks.check(() -> command.dueAt() == null ? null
                : AcceptedDates.requireInstant("dueAt", command.dueAt(), clock).truncatedTo(ChronoUnit.MILLIS));
        List<UUID> acting = checks.check(() -> actingUnits(office, command.leadUnitId(), command.supportingUnitIds()));
        UUID incident = checks.check(() -> incidentOf(actor, command.incidentId()));
        checks.require(command.previousId() == null || repository.instruction(command.previousId())
                .filter(p -> p.unitId().equals(office)).isPresent(), "previousId", "关联的上一轮批示不存在");
        EffectivePolicy policy = policies.effective(office);
        Deadline deadline = checks.check(() -> command.kind() == null || !command.kind().owesFeedback()
                || command.source() == null || receivedAt == null ? null
                        : FeedbackDeadlines.registeringOffice(command.source(), receivedAt, requested, policy,
                                calendar::workingDaysAfter));
        checks.done();

        int year = now.atZone(Zones.CHINA).getYear();
        int seq = repository.nextSeq(office, year);
        boolean late = Duration.between(receivedAt, now).compareTo(REGISTERED_LATE_AFTER) > 0;
        InstructionRow row = new InstructionRow(UUID.randomUUID(), office, year, seq, number(year, seq),
                command.source().name(), leaderName, leaderPost, givenAt, receivedAt, now, actor.username(), late,
                text, command.kind().name(), incident, command.previousId(), Boolean.TRUE.equals(command.complex()),
                deadline == null ? null : deadline.dueAt(), deadline == null ? null : deadline.citation(),
                deadline != null && !calendar.isNoticeLoaded(dueDate(deadline.dueAt()).getYear()),
                deadline != null && FeedbackDeadlines.countedByPolicy(command.source(), requested), 0);
        repository.insert(row);
        if (deadline != null) {
            obligations.open(new OpenObligation(office, InstructionKinds.FEEDBACK.code(), MODULE, subject(row),
                    row.number() + " " + leaderName + "批示落实情况反馈", deadline.dueAt(), deadline.citation(),
                    receivedAt));
        }
        for (int i = 0; i < acting.size(); i++) {
            forwardTo(actor, row, acting.get(i), i == 0, deadline, policy, now, null);
        }
        repository.enterInLedger(row);
        audit.record("INSTRUCTION_REGISTERED", "instruction:" + row.id(), AuditOutcome.SUCCESS, row.number() + " "
                + leaderName + "批示（" + command.kind().label() + "），转" + acting.size() + "个单位办理"
                + (late ? "（补登：" + Zones.MINUTE.format(receivedAt) + " 收到）" : ""));
        return view(row);
    }

    /** The acting unit signs for an instruction forwarded to it (签收). */
    @Transactional
    public Instruction sign(Actor actor, UUID instructionId) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = ownAssignment(actor, instruction);
        if (assignment.signedAt() != null) {
            throw ZhibanException.conflict("ALREADY_SIGNED", "本单位已于 " + Zones.MINUTE.format(assignment.signedAt())
                    + " 签收");
        }
        signIn(actor, instruction, assignment, clock.instant());
        return view(instruction);
    }

    /**
     * The acting unit records that it reported the instruction to its own head (第十八条 立即向本单位负责同志报告):
     * to whom and when; signing for it at the same moment if it had not.
     */
    @Transactional
    public Instruction reportToHead(Actor actor, UUID instructionId, String reportedTo, OffsetDateTime reportedAt) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = ownAssignment(actor, instruction);
        FieldChecks checks = new FieldChecks();
        String to = checks.text("reportedTo", reportedTo, "报告的负责同志", 100, true);
        Instant at = checks.check(() -> reportedAt == null ? clock.instant()
                : AcceptedDates.requirePastInstant("reportedAt", reportedAt, clock));
        checks.require(at == null || !at.isBefore(assignment.forwardedAt()), "reportedAt", "报告时间不能早于转来时间");
        checks.require(assignment.reportedAt() == null, "reportedTo", "已记录向负责同志报告");
        checks.done();
        if (assignment.signedAt() == null) {
            assignment = signIn(actor, instruction, assignment, at);
        }
        repository.update(assignment.reported(at, to, actor.username()));
        obligations.fulfilFor(MODULE, subject(assignment), InstructionKinds.REPORTED_TO_HEAD.code(),
                actor.username());
        audit.record("INSTRUCTION_REPORTED_TO_HEAD", "instruction:" + instructionId, AuditOutcome.SUCCESS,
                instruction.number() + " " + Zones.MINUTE.format(at) + " 已报告" + to);
        return view(instruction);
    }

    /**
     * A written reply (一事一文) from a unit asked to act: initial (where the matter is complex, proposing when the
     * final feedback will come) or final. It fulfils the feedback owed; a unit not asked to act, or one whose
     * feedback was accepted, is refused and nothing is written.
     */
    @Transactional
    public Instruction feedback(Actor actor, UUID instructionId, InstructionFeedbackCommand command) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = ownAssignment(actor, instruction);
        Secrecy.requireNotClassified(command.classified());
        AssignmentStatus status = AssignmentStatus.valueOf(assignment.status());
        if (!InstructionKind.valueOf(instruction.kind()).owesFeedback()) {
            throw ZhibanException.conflict("NO_FEEDBACK_OWED", "参阅件无需反馈落实情况");
        }
        if (status.isClosed() || status == AssignmentStatus.FINAL_FILED || status == AssignmentStatus.INITIAL_FILED) {
            throw ZhibanException.conflict("FEEDBACK_NOT_OPEN", "本单位的反馈" + status.label() + "，不能再报送");
        }
        Instant now = clock.instant();
        FieldChecks checks = new FieldChecks();
        checks.require(command.stage() != null, "stage", "请选择初步落实情况或落实情况");
        String done = checks.text("done", command.done(), "落实情况", 4000, true);
        String problems = checks.text("problems", command.problems(), "存在问题", 2000, false);
        String nextSteps = checks.text("nextSteps", command.nextSteps(), "下一步工作", 2000, false);
        boolean initial = command.stage() == FeedbackStage.INITIAL;
        checks.require(!initial || !initialAccepted(assignment), "stage", "初步落实情况已报送并确认，请报送落实情况");
        checks.require(!initial || FeedbackDeadlines.allowsInitialFeedback(policies.effective(
                assignment.assignerUnitId())), "stage", "转办单位适用的值班规范未规定初步落实情况反馈");
        Instant finalDue = checks.check(() -> command.finalDueAt() == null ? null : AcceptedDates
                .requireInstant("finalDueAt", command.finalDueAt(), clock).truncatedTo(ChronoUnit.MILLIS));
        checks.require(!initial || finalDue != null, "finalDueAt", "情况复杂需较长时间落实的，请提出报送落实情况的时间");
        checks.require(finalDue == null || finalDue.isAfter(now), "finalDueAt", "报送落实情况的时间应晚于当前时间");
        checks.require(initial || command.finalDueAt() == null, "finalDueAt", "只有初步落实情况需提出报送落实情况的时间");
        checks.done();
        if (assignment.signedAt() == null) {
            assignment = signIn(actor, instruction, assignment, now);
        }
        Optional<Obligation> owed = openFeedback(assignment);
        boolean late = owed.map(o -> now.isAfter(o.dueAt())).orElse(false);
        FeedbackStage stage = command.stage();
        repository.insert(new FeedbackRow(UUID.randomUUID(), assignment.id(), stage.name(), done, problems, nextSteps,
                finalDue, now, actor.username(), late, null, null, null, null));
        repository.update(assignment.with((initial ? AssignmentStatus.INITIAL_FILED : AssignmentStatus.FINAL_FILED)
                .name()));
        owed.ifPresent(o -> obligations.fulfil(o.id(), actor.username()));
        // An extension asked for and not yet decided is moot once the feedback itself has come.
        repository.lapseExtensions(assignment.id(), now, actor.username());
        String unitName = unitName(assignment.unitId());
        audit.record("INSTRUCTION_FEEDBACK", "instruction:" + instructionId, AuditOutcome.SUCCESS,
                instruction.number() + " " + unitName + "报送" + stage.label() + (late ? "（逾期）" : ""));
        events.publishEvent(new InstructionEvents.FeedbackFiled(UUID.randomUUID(), instructionId, assignment.unitId(),
                assignment.assignerUnitId(), "【批示反馈】" + instruction.number() + " " + unitName + "报送"
                        + stage.label() + (late ? "（逾期）" : "")));
        return view(instruction);
    }

    /**
     * The forwarding office accepts a unit's feedback or returns it with its reasons (退回), which opens the
     * feedback owed again against the same deadline. An accepted initial feedback sets the final one's deadline.
     */
    @Transactional
    public Instruction decide(Actor actor, UUID instructionId, UUID unitId, boolean accept, String reason) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = assignedBy(actor, instruction, unitId);
        FeedbackRow pending = repository.feedback(List.of(assignment.id())).stream()
                .filter(f -> f.decision() == null).reduce((a, b) -> b)
                .orElseThrow(() -> ZhibanException.conflict("NO_FEEDBACK_PENDING", "该单位没有待审核的反馈"));
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, "退回理由", 500, !accept);
        checks.done();
        Instant now = clock.instant();
        repository.decide(pending.id(), accept ? "ACCEPTED" : "RETURNED", now, actor.username(), why);
        boolean initial = FeedbackStage.valueOf(pending.stage()) == FeedbackStage.INITIAL;
        String unitName = unitName(assignment.unitId());
        if (accept && initial) {
            // The final feedback's clock runs from the initial one, so a date agreed late is overdue, not refused.
            repository.update(assignment.with(AssignmentStatus.IN_PROGRESS.name()).due(pending.finalDueAt()));
            obligations.open(new OpenObligation(assignment.unitId(), InstructionKinds.FEEDBACK.code(), MODULE,
                    subject(assignment), instruction.number() + " 批示落实情况反馈（初步落实情况后）",
                    pending.finalDueAt(), assignment.feedbackCitation(), pending.filedAt()));
        }
        else if (accept) {
            repository.update(assignment.with(AssignmentStatus.ACCEPTED.name()));
        }
        else {
            repository.update(assignment.with(AssignmentStatus.RETURNED.name()));
            lastFulfilledFeedback(assignment).ifPresent(o -> obligations.reopen(o.id()));
        }
        String what = (accept ? "审核通过" : "退回") + (initial ? "初步落实情况" : "落实情况");
        audit.record(accept ? "INSTRUCTION_FEEDBACK_ACCEPTED" : "INSTRUCTION_FEEDBACK_RETURNED", "instruction:"
                + instructionId, AuditOutcome.SUCCESS, instruction.number() + " " + unitName + " " + what
                        + (why == null ? "" : "：" + why));
        events.publishEvent(new InstructionEvents.Decided(UUID.randomUUID(), instructionId, assignment.unitId(),
                assignment.assignerUnitId(), "【批示反馈" + (accept ? "已审核" : "被退回") + "】" + instruction.number()));
        return view(instruction);
    }

    /** An acting unit asks, before its deadline, for a later one, with its reason. */
    @Transactional
    public Instruction requestExtension(Actor actor, UUID instructionId, OffsetDateTime newDueAt, String reason) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = ownAssignment(actor, instruction);
        Instant now = clock.instant();
        Obligation owed = openFeedback(assignment).orElseThrow(() -> ZhibanException.conflict("NO_FEEDBACK_OWED",
                "本单位当前没有待反馈的事项"));
        if (!now.isBefore(owed.dueAt())) {
            throw ZhibanException.conflict("DEADLINE_PASSED", "延期须在反馈时限 " + Zones.MINUTE.format(owed.dueAt())
                    + " 前申请");
        }
        if (repository.extensions(List.of(assignment.id())).stream().anyMatch(e -> e.decision() == null)) {
            throw ZhibanException.conflict("EXTENSION_PENDING", "已有待审批的延期申请");
        }
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, "延期理由", 500, true);
        Instant due = checks.check(() -> newDueAt == null ? null
                : AcceptedDates.requireInstant("newDueAt", newDueAt, clock).truncatedTo(ChronoUnit.MILLIS));
        checks.require(newDueAt != null, "newDueAt", "请填写申请延期至的时间");
        checks.require(due == null || due.isAfter(owed.dueAt()), "newDueAt", "延期后的时间应晚于原反馈时限 "
                + Zones.MINUTE.format(owed.dueAt()));
        checks.done();
        repository.insert(new ExtensionRow(UUID.randomUUID(), assignment.id(), now, actor.username(), why, due, null,
                null, null, null));
        String unitName = unitName(assignment.unitId());
        audit.record("INSTRUCTION_EXTENSION_REQUESTED", "instruction:" + instructionId, AuditOutcome.SUCCESS,
                instruction.number() + " " + unitName + "申请延期至 " + Zones.MINUTE.format(due) + "：" + why);
        events.publishEvent(new InstructionEvents.FeedbackFiled(UUID.randomUUID(), instructionId, assignment.unitId(),
                assignment.assignerUnitId(), "【批示延期申请】" + instruction.number() + " " + unitName));
        return view(instruction);
    }

    /** The forwarding office grants an extension (the deadline moves) or refuses it with its reason. */
    @Transactional
    public Instruction decideExtension(Actor actor, UUID instructionId, UUID unitId, boolean grant, String comment) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow assignment = assignedBy(actor, instruction, unitId);
        ExtensionRow pending = repository.extensions(List.of(assignment.id())).stream()
                .filter(e -> e.decision() == null).findFirst()
                .orElseThrow(() -> ZhibanException.conflict("NO_EXTENSION_PENDING", "该单位没有待审批的延期申请"));
        FieldChecks checks = new FieldChecks();
        String why = checks.text("comment", comment, "不同意延期的理由", 500, !grant);
        checks.done();
        repository.decideExtension(pending.id(), grant ? "GRANTED" : "REFUSED", clock.instant(), actor.username(),
                why);
        if (grant) {
            openFeedback(assignment).ifPresent(o -> obligations.extend(o.id(), pending.newDueAt()));
            repository.update(assignment.due(pending.newDueAt()));
        }
        audit.record(grant ? "INSTRUCTION_EXTENSION_GRANTED" : "INSTRUCTION_EXTENSION_REFUSED", "instruction:"
                + instructionId, AuditOutcome.SUCCESS, instruction.number() + " " + unitName(unitId)
                        + (grant ? " 延期至 " + Zones.MINUTE.format(pending.newDueAt()) : " 不同意延期：" + why));
        events.publishEvent(new InstructionEvents.Decided(UUID.randomUUID(), instructionId, unitId,
                assignment.assignerUnitId(),
                "【批示延期" + (grant ? "已同意" : "未同意") + "】" + instruction.number()));
        return view(instruction);
    }

    /**
     * The registering office records its own feedback upward (to the province, or the leader who gave it): what it
     * compiled from the acting units' replies, and when; it fulfils what the office owes.
     */
    @Transactional
    public Instruction reportUp(Actor actor, UUID instructionId, String summary) {
        InstructionRow instruction = instruction(actor, instructionId);
        requireDutyOffice(actor);
        if (!instruction.unitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("NOT_REGISTRAR", "向上反馈由登记该批示的单位办理");
        }
        FieldChecks checks = new FieldChecks();
        String text = checks.text("summary", summary, "向上反馈的落实情况", 4000, true);
        checks.done();
        List<Obligation> done = obligations.fulfilFor(MODULE, subject(instruction), InstructionKinds.FEEDBACK.code(),
                actor.username());
        if (done.isEmpty()) {
            throw ZhibanException.conflict("NO_FEEDBACK_OWED", "本单位对该批示没有待向上反馈的事项");
        }
        boolean late = done.get(0).lateness() != null && !done.get(0).lateness().isZero();
        audit.record("INSTRUCTION_REPORTED_UP", "instruction:" + instructionId, AuditOutcome.SUCCESS,
                instruction.number() + " 向上反馈" + (late ? "（逾期）" : "") + "：" + text);
        return view(instruction);
    }

    /**
     * A year's holiday notice was loaded: every deadline counted from the policy on a provisional calendar is counted
     * again — the registering office's, and each acting unit's that still followed it (an extension or an agreed
     * date stands) — with its obligation moved to match, audited.
     */
    @ApplicationModuleListener
    void on(HolidayNoticeLoaded loaded) {
        recount();
    }

    @Transactional
    public int recount() {
        int moved = 0;
        for (InstructionRow row : repository.provisionalByPolicy()) {
            EffectivePolicy policy = policies.effective(row.unitId());
            Deadline before = new Deadline(row.dueAt(), row.citation());
            Deadline after = FeedbackDeadlines.registeringOffice(InstructionSource.PROVINCE, row.receivedAt(), null,
                    policy, calendar::workingDaysAfter);
            boolean provisional = !calendar.isNoticeLoaded(dueDate(after.dueAt()).getYear());
            repository.recount(row.id(), after.dueAt(), provisional);
            if (after.dueAt().equals(before.dueAt())) {
                continue;
            }
            moveOpenFeedback(subject(row), after.dueAt());
            Map<UUID, Deadline[]> moves = new HashMap<>();
            for (AssignmentRow a : repository.assignments(row.id())) {
                Deadline[] forwarder = a.parentId() == null ? new Deadline[] { before, after }
                        : moves.get(a.parentId());
                if (forwarder == null || a.feedbackDueAt() == null) {
                    continue;
                }
                Instant from = a.parentId() == null ? row.receivedAt() : a.forwardedAt();
                Instant unitBefore = a.feedbackDueAt();
                FeedbackDeadlines.followForwarder(unitBefore, forwarder[0], forwarder[1], from,
                        policies.effective(a.assignerUnitId())).ifPresent(due -> {
                            repository.update(a.due(due.dueAt()));
                            if (!AssignmentStatus.valueOf(a.status()).isClosed()) {
                                moveOpenFeedback(subject(a), due.dueAt());
                            }
                            moves.put(a.id(), new Deadline[] { new Deadline(unitBefore, a.feedbackCitation()), due });
                        });
            }
            audit.record("INSTRUCTION_RECOUNTED", "instruction:" + row.id(), AuditOutcome.SUCCESS, row.number()
                    + " 按已载入的节假日安排重新计算反馈时限：" + Zones.MINUTE.format(before.dueAt()) + " → "
                    + Zones.MINUTE.format(after.dueAt()));
            moved++;
        }
        return moved;
    }

    private void moveOpenFeedback(String subject, Instant dueAt) {
        obligations.forSubject(MODULE, subject).stream()
                .filter(o -> o.isOpen() && o.kind().equals(InstructionKinds.FEEDBACK.code()))
                .forEach(o -> obligations.recount(o.id(), dueAt));
    }

    /**
     * Attaches a file: the registering office's to the instruction (the leader's written instruction, the document
     * it is on), an acting unit's to its own feedback while it is open. A bad file is refused and nothing kept; the
     * file's SHA-256 goes into the chained audit trail.
     */
    @Transactional
    public Instruction.InstructionAttachment attach(Actor actor, UUID instructionId, String fileName,
            byte[] content) {
        InstructionRow instruction = instruction(actor, instructionId);
        requireDutyOffice(actor);
        UUID assignmentId = null;
        if (!instruction.unitId().equals(actor.unitId())) {
            AssignmentRow own = ownAssignment(actor, instruction);
            if (AssignmentStatus.valueOf(own.status()).isClosed()) {
                throw ZhibanException.conflict("ASSIGNMENT_CLOSED", "本单位对该批示的办理已结束，不能再上传附件");
            }
            assignmentId = own.id();
        }
        AttachmentType type = AttachmentType.requireAllowed(fileName, content);
        AttachmentRow row = new AttachmentRow(UUID.randomUUID(), instructionId, assignmentId, actor.unitId(),
                fileName.strip(), type.contentType(), content.length, AttachmentType.sha256(content),
                clock.instant(), actor.username());
        repository.insert(row, content);
        audit.record("INSTRUCTION_ATTACHED", "instruction:" + instructionId, AuditOutcome.SUCCESS, instruction.number()
                + " " + unitName(actor.unitId()) + "上传附件 " + row.fileName() + " " + row.size() + " 字节 SHA-256 "
                + row.sha256());
        return attachmentView(row);
    }

    /** A file of an instruction with its content, for whoever may see the instruction; an altered one is refused. */
    @Transactional(readOnly = true)
    public AttachedFile attachment(Actor actor, UUID instructionId, UUID attachmentId) {
        instruction(actor, instructionId);
        StoredFile file = repository.attachment(instructionId, attachmentId).orElseThrow(() -> ZhibanException
                .notFound("ATTACHMENT_NOT_FOUND", "附件不存在：" + attachmentId));
        if (!AttachmentType.sha256(file.content()).equals(file.attachment().sha256())) {
            throw ZhibanException.conflict("ATTACHMENT_ALTERED", "附件内容与上传时的 SHA-256 不一致，可能已被改动");
        }
        return new AttachedFile(attachmentView(file.attachment()), file.content());
    }

    /** A file and its content. */
    public record AttachedFile(Instruction.InstructionAttachment attachment, byte[] content) {
    }

    /**
     * What the actor's own unit must still do on instructions forwarded to it — sign, feed back, feed back again
     * after a return — those to sign for first, for its dashboard.
     */
    @Transactional(readOnly = true)
    public List<Awaiting> awaiting(Actor actor, int limit) {
        if (actor.unitId() == null) {
            return List.of();
        }
        return views(repository.awaiting(actor.unitId(), limit)).stream().map(i -> {
            Instruction.InstructionAssignment own = i.assignments().stream()
                    .filter(a -> a.unitId().equals(actor.unitId())).findFirst().orElseThrow();
            return new Awaiting(i.id(), i.number(), i.leaderName(), i.kindLabel(), own.statusLabel(),
                    own.feedbackDueAt());
        }).toList();
    }

    /** An instruction the unit must act on, as its dashboard lists it; {@code dueAt} is null where none is owed. */
    public record Awaiting(UUID instructionId, String number, String leaderName, String kindLabel, String statusLabel,
            OffsetDateTime dueAt) {
    }

    /** An instruction, for the units that registered it, were asked to act on it, or are above either. */
    @Transactional(readOnly = true)
    public Instruction get(Actor actor, UUID instructionId) {
        return view(instruction(actor, instructionId));
    }

    /**
     * The instructions the unit registered or must act on — with {@code subtree}, those of every unit below it
     * too (the 督办台账); {@code openOnly} keeps those some unit still owes. Newest first.
     */
    @Transactional(readOnly = true)
    public List<Instruction> list(Actor actor, UUID unitId, boolean subtree, boolean openOnly, int page) {
        UUID id = unitId != null ? unitId : actor.unitId();
        if (id == null) {
            throw ZhibanException.invalidField("unitId", "请指定单位");
        }
        unitTree.find(id).orElseThrow(() -> UnitScope.unitNotFound(id));
        scope.requireVisible(actor, id);
        return views(repository.page(id, subtree, openOnly, Math.max(0, page) * PAGE_LIMIT, PAGE_LIMIT));
    }

    /**
     * The ledger as a file: every instruction {@link #list} would page through, up to {@value #EXPORT_LIMIT}, read a
     * page at a time so that no statement carries more than a page's ids.
     */
    @Transactional(readOnly = true)
    public List<Instruction> export(Actor actor, UUID unitId, boolean subtree, boolean openOnly) {
        List<Instruction> all = new ArrayList<>();
        for (int page = 0; all.size() < EXPORT_LIMIT; page++) {
            List<Instruction> some = list(actor, unitId, subtree, openOnly, page);
            all.addAll(some);
            if (some.size() < PAGE_LIMIT) {
                break;
            }
        }
        return all;
    }

    /** A unit's feedback with its instruction, for the written reply; seen by whoever may see the instruction. */
    @Transactional(readOnly = true)
    public Reply reply(Actor actor, UUID instructionId, UUID feedbackId) {
        Instruction instruction = get(actor, instructionId);
        for (Instruction.InstructionAssignment unit : instruction.assignments()) {
            for (Instruction.InstructionFeedback feedback : unit.feedback()) {
                if (feedback.id().equals(feedbackId)) {
                    return new Reply(instruction, unit, feedback);
                }
            }
        }
        throw ZhibanException.notFound("FEEDBACK_NOT_FOUND", "该批示没有此反馈：" + feedbackId);
    }

    /** One written reply: the instruction, the unit that replied, and what it wrote. */
    public record Reply(Instruction instruction, Instruction.InstructionAssignment unit,
            Instruction.InstructionFeedback feedback) {
    }

    /**
     * The acting unit passes the instruction further down to units below it (转办), whose feedback it collects: each
     * owes its report to its head and its feedback by a deadline earlier than the acting unit's own, by the acting
     * unit's policy. The acting unit signs for it if it had not; a unit already asked to act is refused.
     */
    @Transactional
    public Instruction forwardDown(Actor actor, UUID instructionId, UUID leadUnitId, List<UUID> supportingUnitIds) {
        InstructionRow instruction = instruction(actor, instructionId);
        AssignmentRow parent = ownAssignment(actor, instruction);
        if (AssignmentStatus.valueOf(parent.status()).isClosed()) {
            throw ZhibanException.conflict("ASSIGNMENT_CLOSED", "本单位对该批示的办理已结束，不能再转办");
        }
        List<UUID> acting = actingUnits(actor.unitId(), leadUnitId, supportingUnitIds);
        Set<UUID> assigned = repository.assignments(instructionId).stream().map(AssignmentRow::unitId)
                .collect(Collectors.toSet());
        FieldChecks checks = new FieldChecks();
        checks.require(acting.stream().noneMatch(assigned::contains), "leadUnitId", "所选单位已是该批示的承办单位");
        checks.done();
        Instant now = clock.instant();
        if (parent.signedAt() == null) {
            parent = signIn(actor, instruction, parent, now);
        }
        Deadline own = parent.feedbackDueAt() == null ? null
                : new Deadline(parent.feedbackDueAt(), parent.feedbackCitation());
        EffectivePolicy policy = policies.effective(actor.unitId());
        for (int i = 0; i < acting.size(); i++) {
            forwardTo(actor, instruction, acting.get(i), i == 0, own, policy, now, parent);
        }
        repository.enterInLedger(instruction);
        audit.record("INSTRUCTION_FORWARDED", "instruction:" + instructionId, AuditOutcome.SUCCESS,
                instruction.number() + " " + unitName(actor.unitId()) + "转" + acting.size() + "个下级单位办理："
                        + acting.stream().map(this::unitName).collect(Collectors.joining("、")));
        return view(instruction);
    }

    /**
     * One unit asked to act, by the registering office ({@code parent} null) or by an acting unit passing it down; the
     * feedback's clock runs from the instruction's receipt, or from the moment it was passed down.
     */
    private void forwardTo(Actor actor, InstructionRow instruction, UUID unitId, boolean lead, Deadline forwarder,
            EffectivePolicy forwarderPolicy, Instant now, AssignmentRow parent) {
        InstructionKind kind = InstructionKind.valueOf(instruction.kind());
        Instant from = parent == null ? instruction.receivedAt() : now;
        Deadline feedback = forwarder == null ? null : FeedbackDeadlines.actingUnit(forwarder, from, forwarderPolicy);
        AssignmentRow row = new AssignmentRow(UUID.randomUUID(), instruction.id(), unitId, actor.unitId(),
                parent == null ? null : parent.id(),
                lead, (kind.owesFeedback() ? AssignmentStatus.FORWARDED : AssignmentStatus.READ).name(), now,
                actor.username(), feedback == null ? null : feedback.dueAt(),
                feedback == null ? null : feedback.citation(), null, null, null, null, null, 0);
        repository.insert(row);
        String title = instruction.number() + " " + instruction.leaderName() + "批示";
        FeedbackDeadlines.reportToHead(now, policies.effective(unitId)).ifPresent(due -> obligations.open(
                new OpenObligation(unitId, InstructionKinds.REPORTED_TO_HEAD.code(), MODULE, subject(row),
                        title + "向本单位负责同志报告", due.dueAt(), due.citation())));
        if (feedback != null) {
            obligations.open(new OpenObligation(unitId, InstructionKinds.FEEDBACK.code(), MODULE, subject(row),
                    title + "落实情况反馈", feedback.dueAt(), feedback.citation(), from));
        }
        events.publishEvent(new InstructionEvents.Forwarded(UUID.randomUUID(), instruction.id(), unitId, actor.unitId(),
                "【领导批示" + (lead ? "·牵头" : "·配合") + "】" + title + (feedback == null ? "（" + kind.label() + "）"
                        : "，请于 " + Zones.MINUTE.format(feedback.dueAt()) + " 前反馈")));
    }

    private AssignmentRow signIn(Actor actor, InstructionRow instruction, AssignmentRow assignment, Instant at) {
        AssignmentRow signed = assignment.signed(at, actor.username());
        if (AssignmentStatus.FORWARDED.name().equals(assignment.status())) {
            signed = signed.with(AssignmentStatus.SIGNED.name());
        }
        repository.update(signed);
        audit.record("INSTRUCTION_SIGNED", "instruction:" + instruction.id(), AuditOutcome.SUCCESS,
                instruction.number() + " " + unitName(assignment.unitId()) + "签收");
        return signed;
    }

    /** The units to act: one lead unit and any supporting ones, all below the registering office. */
    private List<UUID> actingUnits(UUID office, UUID lead, List<UUID> supporting) {
        FieldChecks checks = new FieldChecks();
        checks.require(lead != null, "leadUnitId", "请选择牵头办理单位");
        checks.require(lead == null || isBelow(office, lead), "leadUnitId", "牵头办理单位须是本单位的下级单位");
        Set<UUID> units = new LinkedHashSet<>();
        if (lead != null) {
            units.add(lead);
        }
        for (UUID unit : supporting == null ? List.<UUID>of() : supporting) {
            checks.require(unit != null && isBelow(office, unit), "supportingUnitIds", "配合办理单位须是本单位的下级单位");
            checks.require(unit == null || units.add(unit), "supportingUnitIds", "配合办理单位不能重复，也不能是牵头单位");
        }
        checks.done();
        return new ArrayList<>(units);
    }

    private boolean isBelow(UUID office, UUID unit) {
        return !unit.equals(office) && unitTree.find(unit).isPresent() && unitTree.isWithin(office, unit);
    }

    private UUID incidentOf(Actor actor, UUID incidentId) {
        if (incidentId == null) {
            return null;
        }
        try {
            return incidents.get(actor, incidentId).id();
        }
        catch (ZhibanException e) {
            throw ZhibanException.invalidField("incidentId", "批示所在的信息报告不存在或不在本单位可见范围内");
        }
    }

    private InstructionRow instruction(Actor actor, UUID instructionId) {
        UnitScope.refusePlatformAdministrator(actor);
        InstructionRow row = repository.instruction(instructionId).orElseThrow(() -> notFound(instructionId));
        boolean visible = scope.canSee(actor, row.unitId()) || repository.assignments(instructionId).stream()
                .anyMatch(a -> scope.canSee(actor, a.unitId()));
        if (!visible) {
            throw notFound(instructionId);
        }
        return row;
    }

    /** The actor's own unit's assignment: a unit not asked to act is refused. */
    private AssignmentRow ownAssignment(Actor actor, InstructionRow instruction) {
        requireDutyOffice(actor);
        return repository.lockAssignment(instruction.id(), actor.unitId()).orElseThrow(() -> ZhibanException
                .forbidden("NOT_ASSIGNED", "本单位不是该批示的承办单位"));
    }

    /** A unit's assignment, for the office that forwarded it to decide on. */
    private AssignmentRow assignedBy(Actor actor, InstructionRow instruction, UUID unitId) {
        requireDutyOffice(actor);
        if (unitId == null) {
            throw ZhibanException.invalidField("unitId", "请指定承办单位");
        }
        AssignmentRow assignment = repository.lockAssignment(instruction.id(), unitId).orElseThrow(() ->
                ZhibanException.invalidField("unitId", "该单位不是此批示的承办单位"));
        if (!assignment.assignerUnitId().equals(actor.unitId())) {
            throw ZhibanException.forbidden("NOT_FORWARDER", "只有转办单位可以审核反馈和审批延期");
        }
        return assignment;
    }

    /** Once an initial feedback is accepted, the final date is agreed: a second initial one is not taken. */
    private boolean initialAccepted(AssignmentRow assignment) {
        return repository.feedback(List.of(assignment.id())).stream().anyMatch(f -> "ACCEPTED".equals(f.decision())
                && FeedbackStage.INITIAL.name().equals(f.stage()));
    }

    private Optional<Obligation> openFeedback(AssignmentRow assignment) {
        return obligations.forSubject(MODULE, subject(assignment)).stream()
                .filter(o -> o.isOpen() && o.kind().equals(InstructionKinds.FEEDBACK.code())).findFirst();
    }

    private Optional<Obligation> lastFulfilledFeedback(AssignmentRow assignment) {
        return obligations.forSubject(MODULE, subject(assignment)).stream()
                .filter(o -> o.status() == ObligationStatus.FULFILLED
                        && o.kind().equals(InstructionKinds.FEEDBACK.code()))
                .reduce((a, b) -> a.fulfilledAt().isAfter(b.fulfilledAt()) ? a : b);
    }

    private static void requireDutyOffice(Actor actor) {
        if (actor.unitId() == null || !(actor.standsDuty() || actor.hasAny(Role.LEADER_ON_DUTY, Role.UNIT_ADMIN))) {
            throw ZhibanException.forbidden("FORBIDDEN", "领导批示由本单位值班室办理");
        }
    }

    private String unitName(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    static String number(int year, int seq) {
        return year + "-批-" + String.format("%03d", seq);
    }

    static String subject(InstructionRow row) {
        return "instruction:" + row.id();
    }

    static String subject(AssignmentRow row) {
        return "instruction-assignment:" + row.id();
    }

    private static ZhibanException notFound(UUID id) {
        return ZhibanException.notFound("INSTRUCTION_NOT_FOUND", "批示不存在：" + id);
    }

    private Instruction view(InstructionRow row) {
        return views(List.of(row)).get(0);
    }

    /** Instructions with their units, feedback, extensions and obligations, in a fixed few queries for any number. */
    private List<Instruction> views(List<InstructionRow> rows) {
        Map<UUID, List<AssignmentRow>> assigned = repository.assignments(rows.stream().map(InstructionRow::id)
                .toList()).stream().collect(Collectors.groupingBy(AssignmentRow::instructionId));
        List<AssignmentRow> assignments = assigned.values().stream().flatMap(List::stream).toList();
        List<UUID> ids = assignments.stream().map(AssignmentRow::id).toList();
        Map<UUID, List<FeedbackRow>> feedback = repository.feedback(ids).stream()
                .collect(Collectors.groupingBy(FeedbackRow::assignmentId));
        Map<UUID, List<ExtensionRow>> extensions = repository.extensions(ids).stream()
                .collect(Collectors.groupingBy(ExtensionRow::assignmentId));
        // An instruction's own files under its id, a unit's under its assignment's.
        Map<UUID, List<Instruction.InstructionAttachment>> files = repository.attachments(rows.stream()
                .map(InstructionRow::id).toList()).stream().collect(Collectors.groupingBy(
                        f -> f.assignmentId() != null ? f.assignmentId() : f.instructionId(),
                        Collectors.mapping(Instructions::attachmentView, Collectors.toList())));
        List<String> subjects = new ArrayList<>();
        rows.forEach(r -> subjects.add(subject(r)));
        assignments.forEach(a -> subjects.add(subject(a)));
        Map<String, List<Obligation>> owed = obligations.forSubjects(MODULE, subjects);
        Set<UUID> units = new LinkedHashSet<>();
        rows.forEach(r -> units.add(r.unitId()));
        assignments.forEach(a -> units.add(a.unitId()));
        Map<UUID, String> names = unitTree.findAll(new ArrayList<>(units)).stream()
                .collect(Collectors.toMap(Unit::id, Unit::name));
        return rows.stream().map(row -> {
            InstructionSource source = InstructionSource.valueOf(row.source());
            InstructionKind kind = InstructionKind.valueOf(row.kind());
            return new Instruction(row.id(), row.number(), row.unitId(), names.getOrDefault(row.unitId(), ""),
                    source, source.label(), row.leaderName(), row.leaderPost(), Zones.china(row.givenAt()),
                    Zones.china(row.receivedAt()), Zones.china(row.registeredAt()), row.registeredBy(),
                    row.registeredLate(), row.text(), kind, kind.label(), row.incidentId(), row.previousId(),
                    row.complex(), china(row.dueAt()), dueDate(row.dueAt()), row.citation(), row.provisional(),
                    dues(owed.get(subject(row))), assigned.getOrDefault(row.id(), List.of()).stream()
                            .map(a -> assignmentView(a, names, owed, feedback, extensions, files)).toList(),
                    files.getOrDefault(row.id(), List.of()), row.version());
        }).toList();
    }

    private static Instruction.InstructionAssignment assignmentView(AssignmentRow a, Map<UUID, String> names,
            Map<String, List<Obligation>> owed, Map<UUID, List<FeedbackRow>> feedback,
            Map<UUID, List<ExtensionRow>> extensions, Map<UUID, List<Instruction.InstructionAttachment>> files) {
        AssignmentStatus status = AssignmentStatus.valueOf(a.status());
        return new Instruction.InstructionAssignment(a.id(), a.unitId(), names.getOrDefault(a.unitId(), ""),
                a.assignerUnitId(), names.getOrDefault(a.assignerUnitId(), ""), a.parentId(), a.lead(), status,
                status.label(), Zones.china(a.forwardedAt()),
                a.forwardedBy(), china(a.feedbackDueAt()), a.feedbackCitation(), china(a.signedAt()), a.signedBy(),
                china(a.reportedAt()), a.reportedTo(), a.reportedBy(), dues(owed.get(subject(a))),
                feedback.getOrDefault(a.id(), List.of()).stream().map(Instructions::feedbackView).toList(),
                extensions.getOrDefault(a.id(), List.of()).stream().map(Instructions::extensionView).toList(),
                files.getOrDefault(a.id(), List.of()));
    }

    private static Instruction.InstructionAttachment attachmentView(AttachmentRow f) {
        return new Instruction.InstructionAttachment(f.id(), f.fileName(), f.contentType(), f.size(), f.sha256(),
                Zones.china(f.uploadedAt()), f.uploadedBy());
    }

    /** The day a deadline falls on: a deadline at the end of a day (midnight) is that day's, not the next's. */
    static LocalDate dueDate(Instant dueAt) {
        return dueAt == null ? null : dueAt.minusNanos(1).atZone(Zones.CHINA).toLocalDate();
    }

    private static List<Instruction.InstructionObligation> dues(List<Obligation> owed) {
        return owed == null ? List.of() : owed.stream().map(o -> new Instruction.InstructionObligation(o.id(), o.kind(),
                o.title(), Zones.china(o.dueAt()), o.citation(), o.status().name(), o.overdue(),
                o.lateness() != null && !o.lateness().isZero())).toList();
    }

    private static Instruction.InstructionFeedback feedbackView(FeedbackRow f) {
        FeedbackStage stage = FeedbackStage.valueOf(f.stage());
        return new Instruction.InstructionFeedback(f.id(), stage, stage.label(), f.done(), f.problems(), f.nextSteps(),
                china(f.finalDueAt()), Zones.china(f.filedAt()), f.filedBy(), f.late(), f.decision(),
                china(f.decidedAt()), f.decidedBy(), f.returnReason());
    }

    private static Instruction.InstructionExtension extensionView(ExtensionRow e) {
        return new Instruction.InstructionExtension(e.id(), Zones.china(e.requestedAt()), e.requestedBy(), e.reason(),
                Zones.china(e.newDueAt()), e.decision(), china(e.decidedAt()), e.decidedBy(), e.comment());
    }

    private static OffsetDateTime china(Instant at) {
        return at == null ? null : Zones.china(at);
    }
}

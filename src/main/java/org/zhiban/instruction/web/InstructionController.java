package org.zhiban.instruction.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.instruction.InstructionFeedbackCommand;
import org.zhiban.instruction.FeedbackStage;
import org.zhiban.instruction.Instruction;
import org.zhiban.instruction.InstructionCommand;
import org.zhiban.instruction.InstructionKind;
import org.zhiban.instruction.InstructionSource;
import org.zhiban.instruction.Instructions;
import org.zhiban.instruction.TimeLeft;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.reporting.Incidents;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * 领导批示: the 督办台账 of the unit (and of its subtree for a superior), each open unit marked by its time left; the
 * registration form; an instruction's page with what the viewer's unit can do next — sign, report to its head, feed
 * back, ask for more time — or, for the forwarding office, accept, return and decide extensions.
 */
@Controller
class InstructionController {

    private static final String PAGE = "/instructions";

    private final Instructions instructions;
    private final Units units;
    private final UnitTree unitTree;
    private final Incidents incidents;
    private final InstructionFiles files;
    private final Clock clock;

    InstructionController(Instructions instructions, Units units, UnitTree unitTree, Incidents incidents,
            InstructionFiles files, Clock clock) {
        this.instructions = instructions;
        this.units = units;
        this.unitTree = unitTree;
        this.incidents = incidents;
        this.files = files;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String ledger(@RequestParam(required = false) UUID unitId, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = files.unitOf(actor, unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("subtree", subtree);
        model.addAttribute("open", open);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("instructions", instructions.list(actor, unit.id(), subtree, open, page));
        model.addAttribute("registers", unit.id().equals(actor.unitId()) && actor.standsDuty());
        model.addAttribute("timeLeft", new Marks(clock));
        return "instruction/ledger";
    }

    @GetMapping(PAGE + "/ledger.xlsx")
    ResponseEntity<byte[]> ledgerFile(@RequestParam(required = false) UUID unitId,
            @RequestParam(defaultValue = "false") boolean subtree, @RequestParam(defaultValue = "false") boolean open) {
        return files.ledger(CurrentActor.require(), unitId, subtree, open);
    }

    @GetMapping(PAGE + "/{id}/feedback/{feedbackId}/reply.docx")
    ResponseEntity<byte[]> replyFile(@PathVariable UUID id, @PathVariable UUID feedbackId) {
        return files.reply(CurrentActor.require(), id, feedbackId);
    }

    @GetMapping(PAGE + "/new")
    String form(@RequestParam(required = false) UUID incidentId, Model model) {
        Actor actor = CurrentActor.require();
        if (actor.unitId() == null || !actor.standsDuty()) {
            throw ZhibanException.forbidden("FORBIDDEN", "领导批示由本单位值班室登记");
        }
        model.addAttribute("unit", units.get(actor, actor.unitId()));
        model.addAttribute("below", unitTree.children(actor.unitId()));
        model.addAttribute("sources", InstructionSource.values());
        model.addAttribute("kinds", InstructionKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RegisterForm.empty(incidentId));
        }
        UUID on = ((RegisterForm) model.getAttribute("form")).incidentId();
        model.addAttribute("incident", on == null ? null : incidents.get(actor, on));
        return "instruction/new";
    }

    @PostMapping(PAGE)
    String register(@ModelAttribute RegisterForm form, BindingResult binding, RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        String page = Refusals.change(redirect, PAGE + "/new", () -> {
            Refusals.requireTimes(binding);
            Instruction instruction = instructions.register(CurrentActor.require(), form.command());
            created[0] = instruction.id();
            return instruction.number() + " 已登记并转" + instruction.assignments().size() + "个单位办理"
                    + (instruction.registeredLate() ? "（补登）" : "");
        });
        Refusals.keepOnRefusal(redirect, "form", form);
        return created[0] == null ? page : "redirect:" + PAGE + "/" + created[0];
    }

    @GetMapping(PAGE + "/{id}")
    String instruction(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Instruction instruction = instructions.get(actor, id);
        model.addAttribute("instruction", instruction);
        model.addAttribute("own", instruction.assignments().stream()
                .filter(a -> a.unitId().equals(actor.unitId())).findFirst().orElse(null));
        model.addAttribute("acts", actor.standsDuty() || actor.hasAny(Role.LEADER_ON_DUTY, Role.UNIT_ADMIN));
        model.addAttribute("myUnit", actor.unitId());
        model.addAttribute("below", actor.unitId() == null ? List.of() : unitTree.children(actor.unitId()));
        model.addAttribute("stages", FeedbackStage.values());
        model.addAttribute("timeLeft", new Marks(clock));
        return "instruction/instruction";
    }

    @PostMapping(PAGE + "/{id}/attachments")
    String attach(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            byte[] content;
            try {
                content = file == null ? null : file.getBytes();
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "已上传附件 " + instructions.attach(CurrentActor.require(), id,
                    file == null ? null : file.getOriginalFilename(), content).fileName();
        });
    }

    @GetMapping(PAGE + "/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return files.attachment(CurrentActor.require(), id, attachmentId);
    }

    @PostMapping(PAGE + "/{id}/forwards")
    String forwardDown(@PathVariable UUID id, @RequestParam(required = false) UUID leadUnitId,
            @RequestParam(required = false) List<UUID> supportingUnitIds, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            Instruction instruction = instructions.forwardDown(CurrentActor.require(), id, leadUnitId,
                    supportingUnitIds);
            return instruction.number() + " 已转下级单位办理";
        });
    }

    @PostMapping(PAGE + "/{id}/upward-feedback")
    String reportUp(@PathVariable UUID id, @RequestParam(required = false) String summary,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> instructions.reportUp(CurrentActor.require(), id,
                summary).number() + " 已记录向上反馈");
    }

    @PostMapping(PAGE + "/{id}/signature")
    String sign(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> instructions.sign(CurrentActor.require(), id)
                .number() + " 已签收");
    }

    @PostMapping(PAGE + "/{id}/head-report")
    String reportToHead(@PathVariable UUID id, @RequestParam(required = false) String reportedTo,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> instructions.reportToHead(CurrentActor.require(), id,
                reportedTo, null).number() + " 已记录向" + reportedTo + "报告");
    }

    @PostMapping(PAGE + "/{id}/feedback")
    String feedback(@PathVariable UUID id, @ModelAttribute FeedbackForm form, BindingResult binding,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            Refusals.requireTimes(binding);
            instructions.feedback(CurrentActor.require(), id, form.command());
            return (form.stage() == null ? "反馈" : form.stage().label()) + "已报送";
        });
    }

    @PostMapping(PAGE + "/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam UUID unitId, @RequestParam boolean accept,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            instructions.decide(CurrentActor.require(), id, unitId, accept, reason);
            return accept ? "反馈已审核通过" : "反馈已退回";
        });
    }

    @PostMapping(PAGE + "/{id}/extensions")
    String requestExtension(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime newDueAt,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            instructions.requestExtension(CurrentActor.require(), id, Zones.china(newDueAt), reason);
            return "延期申请已报送";
        });
    }

    @PostMapping(PAGE + "/{id}/extensions/decision")
    String decideExtension(@PathVariable UUID id, @RequestParam UUID unitId, @RequestParam boolean grant,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "/" + id, () -> {
            instructions.decideExtension(CurrentActor.require(), id, unitId, grant, comment);
            return grant ? "已同意延期" : "已不同意延期";
        });
    }

    /** The ledger's marks at this moment, for the templates. */
    record Marks(Clock clock) {

        public TimeLeft of(java.time.OffsetDateTime dueAt) {
            return TimeLeft.of(dueAt.toInstant(), clock.instant());
        }
    }

    record RegisterForm(InstructionSource source, String leaderName, String leaderPost,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime givenAt,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime receivedAt, String text,
            InstructionKind kind, UUID leadUnitId, List<UUID> supportingUnitIds,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime dueAt, UUID incidentId,
            Boolean complex) implements Serializable {

        static RegisterForm empty(UUID incidentId) {
            return new RegisterForm(InstructionSource.PROVINCE, null, null, null, null, null, InstructionKind.ACTION,
                    null, List.of(), null, incidentId, false);
        }

        InstructionCommand command() {
            return new InstructionCommand(source, leaderName, leaderPost, Zones.china(givenAt),
                    Zones.china(receivedAt), text, kind, leadUnitId, supportingUnitIds, Zones.china(dueAt),
                    Boolean.TRUE.equals(complex), incidentId, null, false);
        }
    }

    record FeedbackForm(FeedbackStage stage, String done, String problems, String nextSteps,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime finalDueAt) {

        InstructionFeedbackCommand command() {
            return new InstructionFeedbackCommand(stage, done, problems, nextSteps, Zones.china(finalDueAt), false);
        }
    }
}

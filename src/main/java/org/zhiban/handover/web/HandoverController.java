package org.zhiban.handover.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.handover.EquipmentCheck;
import org.zhiban.handover.Handover;
import org.zhiban.handover.HandoverCommand;
import org.zhiban.handover.HandoverItem;
import org.zhiban.handover.HandoverStatus;
import org.zhiban.handover.Handovers;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;

/**
 * 交接班: the outgoing officer checks the pre-filled items and the equipment and signs; the incoming officer reads
 * it and accepts. Blank rows let the outgoing officer add what the log does not hold.
 */
@Controller
class HandoverController {

    private static final int BLANK_ROWS = 3;
    private static final Duration HISTORY = Duration.ofDays(7);

    private final Handovers handovers;
    private final UnitTree unitTree;
    private final Clock clock;

    HandoverController(Handovers handovers, UnitTree unitTree, Clock clock) {
        this.handovers = handovers;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping("/handover")
    String page(Model model) {
        Actor actor = CurrentActor.require();
        try {
            Handover handover = handovers.current(actor);
            return show(handover, HandoverForm.of(handover), model);
        }
        catch (ZhibanException e) {
            if (!"NO_SHIFT".equals(e.code())) {
                throw e;
            }
            model.addAttribute("noShift", e.detail());
            return show(null, null, model);
        }
    }

    @PostMapping("/handover")
    String prepare(@ModelAttribute("form") HandoverForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return FormErrors.submit(result, () -> {
            handovers.prepare(actor, form.command());
            redirect.addFlashAttribute("notice", "已交班确认，请接班人核对后确认接班");
            return "redirect:/handover";
        }).orElseGet(() -> show(handovers.current(actor), form, model));
    }

    @PostMapping("/handover/{id}/acceptance")
    String accept(@PathVariable UUID id, @RequestParam(required = false) String remark,
            @RequestParam(required = false) UUID acceptingFor, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/handover", () -> {
            Handover accepted = handovers.accept(CurrentActor.require(), id, remark, acceptingFor);
            return "已确认接班：" + accepted.itemsOf(FollowUp.PENDING).size() + " 项待办、"
                    + accepted.itemsOf(FollowUp.TRACKING).size() + " 项跟踪、" + accepted.itemsOf(FollowUp.WATCH).size()
                    + " 项关注转入本班";
        });
    }

    @GetMapping("/handover/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        Handover handover = handovers.print(CurrentActor.require(), id);
        model.addAttribute("handover", handover);
        model.addAttribute("unitName", unitTree.find(handover.unitId()).map(Unit::name).orElse(""));
        model.addAttribute("kinds", FollowUp.values());
        return "handover/print";
    }

    private String show(Handover handover, HandoverForm form, Model model) {
        Actor actor = CurrentActor.require();
        Instant now = clock.instant();
        model.addAttribute("handover", handover);
        model.addAttribute("form", form);
        model.addAttribute("kinds", FollowUp.values());
        model.addAttribute("editable", handover != null && (handover.status() == null
                || (handover.status() == HandoverStatus.AWAITING_ACCEPTANCE
                        && handover.preparedBy().equals(actor.username()))));
        Handovers.Signers signers = handover == null ? null : handovers.signers(actor,
                new OnDuty.ShiftTime(handover.shiftStart(), handover.shiftEnd()));
        // One who is neither on the shift nor its head is shown why, without a button that could only refuse.
        model.addAttribute("signers", signers);
        model.addAttribute("maySign", signers != null && (signers.onOutgoing() || signers.mayActFor()));
        model.addAttribute("acceptable", handover != null && handover.status() == HandoverStatus.AWAITING_ACCEPTANCE
                && !handover.preparedBy().equals(actor.username()) && (signers.onIncoming() || signers.mayActFor()));
        model.addAttribute("notIncoming", signers != null && !signers.onIncoming() && !signers.mayActFor()
                && handover.status() == HandoverStatus.AWAITING_ACCEPTANCE);
        model.addAttribute("carriedIn", handovers.lastAccepted(actor).orElse(null));
        model.addAttribute("history", handovers.between(actor, actor.unitId(), now.minus(HISTORY), now));
        return "handover/handover";
    }

    /** The form as posted: the items (with blank rows for additions), the equipment, the notes. */
    public static class HandoverForm {

        private List<ItemForm> items = new ArrayList<>();
        private List<EquipmentForm> equipment = new ArrayList<>();
        private String notes;
        private UUID signingFor;

        static HandoverForm of(Handover handover) {
            HandoverForm form = new HandoverForm();
            handover.items().forEach(item -> form.items.add(new ItemForm(item.kind(), item.content(), item.entryId(),
                    item.obligationId())));
            for (int i = 0; i < BLANK_ROWS; i++) {
                form.items.add(new ItemForm(null, null, null, null));
            }
            handover.equipment().forEach(check -> form.equipment.add(new EquipmentForm(check.name(), check.inOrder(),
                    check.remark())));
            form.notes = handover.notes();
            return form;
        }

        HandoverCommand command() {
            return new HandoverCommand(
                    items.stream().map(i -> new HandoverItem(i.kind, i.content, i.entryId, i.obligationId)).toList(),
                    equipment.stream().map(e -> new EquipmentCheck(e.name, e.inOrder, e.remark)).toList(), notes,
                    signingFor);
        }

        public List<ItemForm> getItems() { return items; }
        public void setItems(List<ItemForm> items) { this.items = items; }
        public List<EquipmentForm> getEquipment() { return equipment; }
        public void setEquipment(List<EquipmentForm> equipment) { this.equipment = equipment; }
        public String getNotes() { return notes; }
        public void setNotes(String notes) { this.notes = notes; }
        public UUID getSigningFor() { return signingFor; }
        public void setSigningFor(UUID signingFor) { this.signingFor = signingFor; }
    }

    public static class ItemForm {

        private FollowUp kind;
        private String content;
        private UUID entryId;
        private UUID obligationId;

        public ItemForm() {
        }

        ItemForm(FollowUp kind, String content, UUID entryId, UUID obligationId) {
            this.kind = kind;
            this.content = content;
            this.entryId = entryId;
            this.obligationId = obligationId;
        }

        public FollowUp getKind() { return kind; }
        public void setKind(FollowUp kind) { this.kind = kind; }
        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public UUID getEntryId() { return entryId; }
        public void setEntryId(UUID entryId) { this.entryId = entryId; }
        public UUID getObligationId() { return obligationId; }
        public void setObligationId(UUID obligationId) { this.obligationId = obligationId; }
    }

    public static class EquipmentForm {

        private String name;
        private boolean inOrder;
        private String remark;

        public EquipmentForm() {
        }

        EquipmentForm(String name, boolean inOrder, String remark) {
            this.name = name;
            this.inOrder = inOrder;
            this.remark = remark;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public boolean isInOrder() { return inOrder; }
        public void setInOrder(boolean inOrder) { this.inOrder = inOrder; }
        public String getRemark() { return remark; }
        public void setRemark(String remark) { this.remark = remark; }
    }
}

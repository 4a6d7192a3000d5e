package org.zhiban.supervision.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.Consultation;
import org.zhiban.supervision.ConsultationCommand;
import org.zhiban.supervision.Consultations;
import org.zhiban.supervision.Supervisors;
import org.zhiban.supervision.UpcomingPeriod;

/**
 * 值班会商: the holidays and important periods coming, with the consultation owed before each; the form that records
 * one with its work reminder to units below; the reminders the unit must acknowledge; the consultations held.
 */
@Controller
class ConsultationController {

    private static final String PAGE = "/supervision/consultations";

    private final Consultations consultations;
    private final UnitTree unitTree;
    private final Clock clock;

    ConsultationController(Consultations consultations, UnitTree unitTree, Clock clock) {
        this.consultations = consultations;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String period, Model model) {
        Actor actor = CurrentActor.require();
        boolean acts = Supervisors.acts(actor);
        List<UpcomingPeriod> upcoming = consultations.upcoming(actor);
        List<Consultation> held = consultations.list(actor, 0);
        model.addAttribute("acts", acts);
        model.addAttribute("myUnit", actor.unitId());
        model.addAttribute("upcoming", upcoming);
        model.addAttribute("consultations", held);
        model.addAttribute("toAcknowledge", held.stream().filter(c -> !c.organiserUnitId().equals(actor.unitId()))
                .filter(c -> c.reminded().stream().anyMatch(r -> r.unitId().equals(actor.unitId())
                        && !r.acknowledged())).toList());
        model.addAttribute("below", unitTree.children(actor.unitId()));
        if (!model.containsAttribute("form")) {
            UpcomingPeriod chosen = upcoming.stream().filter(p -> p.key().equals(period)).findFirst().orElse(null);
            model.addAttribute("form", new ConsultationForm(LocalDateTime.ofInstant(clock.instant(), Zones.CHINA)
                    .truncatedTo(ChronoUnit.MINUTES), chosen == null ? null : chosen.name() + "值班会商",
                    chosen == null ? null : chosen.key(), null, null, null, List.of(), null));
        }
        return "supervision/consultations";
    }

    @PostMapping(PAGE)
    String record(@ModelAttribute ConsultationForm form, BindingResult binding, RedirectAttributes redirect) {
        String page = Refusals.change(redirect, PAGE, () -> {
            Refusals.requireTimes(binding);
            Consultation consultation = consultations.record(CurrentActor.require(), form.command());
            return "已记录值班会商：" + consultation.subject() + (consultation.reminded().isEmpty() ? ""
                    : "，已向" + consultation.reminded().size() + "个单位发送工作提示");
        });
        Refusals.keepOnRefusal(redirect, "form", form);
        return page;
    }

    @PostMapping(PAGE + "/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE, () -> {
            Consultation consultation = consultations.acknowledge(CurrentActor.require(), id);
            return "已确认收到" + consultation.organiserName() + "的工作提示";
        });
    }

    record ConsultationForm(@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime heldAt, String subject,
            String periodKey, String participants, String risks, String reminder, List<UUID> unitIds,
            Boolean classified) implements Serializable {

        ConsultationCommand command() {
            return new ConsultationCommand(heldAt == null ? null : Zones.china(heldAt), subject, periodKey,
                    participants, risks, reminder, unitIds == null ? List.of() : unitIds, classified);
        }
    }
}

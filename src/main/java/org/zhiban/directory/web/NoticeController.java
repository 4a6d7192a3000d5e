package org.zhiban.directory.web;

import java.io.Serializable;
import java.time.LocalDateTime;
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
import org.zhiban.directory.AbsenceNotice;
import org.zhiban.directory.AbsenceNoticeCommand;
import org.zhiban.directory.AbsenceNotices;
import org.zhiban.directory.ObituaryCategory;
import org.zhiban.directory.ObituaryNotice;
import org.zhiban.directory.ObituaryNoticeCommand;
import org.zhiban.directory.ObituaryNotices;
import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonView;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Formats;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * 外出报备与讣告: the unit's own principals' absences and the obituary notices it filed, with those of its
 * subtree for a superior — the deadline and article of each, late ones marked, approval and return at hand.
 */
@Controller
class NoticeController {

    private static final String PAGE = "/directory/notices";

    private final AbsenceNotices absences;
    private final ObituaryNotices obituaries;
    private final Units units;
    private final People people;
    private final Formats formats;

    NoticeController(AbsenceNotices absences, ObituaryNotices obituaries, Units units, People people,
            Formats formats) {
        this.formats = formats;
        this.absences = absences;
        this.obituaries = obituaries;
        this.units = units;
        this.people = people;
    }

    @GetMapping(PAGE)
    String notices(@RequestParam(required = false) UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unitId != null ? units.get(actor, unitId) : units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
        boolean own = unit.id().equals(actor.unitId()) && (actor.standsDuty() || actor.has(Role.UNIT_ADMIN));
        List<PersonView> staff = own ? people.inUnit(actor, unit.id()).stream().filter(PersonView::active).toList()
                : List.of();
        model.addAttribute("unit", unit);
        model.addAttribute("own", own);
        model.addAttribute("principals", staff.stream()
                .filter(p -> p.directoryRoles().contains(DirectoryRole.PRINCIPAL)).toList());
        model.addAttribute("staff", staff);
        model.addAttribute("absences", absences.within(actor, unit.id()));
        model.addAttribute("obituaries", obituaries.within(actor, unit.id()));
        model.addAttribute("categories", ObituaryCategory.values());
        model.addAttribute("decides", actor.hasAny(Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD, Role.UNIT_ADMIN));
        if (!model.containsAttribute("absenceForm")) {
            model.addAttribute("absenceForm", AbsenceForm.EMPTY);
        }
        if (!model.containsAttribute("obituaryForm")) {
            model.addAttribute("obituaryForm", ObituaryForm.EMPTY);
        }
        return "directory/notices";
    }

    @PostMapping(PAGE + "/absences")
    String fileAbsence(@ModelAttribute AbsenceForm form, BindingResult binding, RedirectAttributes redirect) {
        String page = Refusals.change(redirect, PAGE, () -> {
            Refusals.requireTimes(binding);
            AbsenceNotice notice = absences.file(CurrentActor.require(), form.command());
            return notice.personName() + "外出已报备" + (notice.late() ? "（晚于应报时间 "
                    + formats.deadline(notice.dueAt()) + "，记为逾期）" : "")
                    + (notice.warnings().isEmpty() ? "" : "。" + String.join("；", notice.warnings()));
        });
        Refusals.keepOnRefusal(redirect, "absenceForm", form);
        return page;
    }

    @PostMapping(PAGE + "/absences/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam boolean approved,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE, () -> {
            AbsenceNotice notice = absences.decide(CurrentActor.require(), id, approved, comment);
            return notice.personName() + "外出请假" + notice.statusLabel();
        });
    }

    @PostMapping(PAGE + "/absences/{id}/return")
    String recordReturn(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE, () -> {
            AbsenceNotice notice = absences.recordReturn(CurrentActor.require(), id, null);
            return notice.personName() + "已销假" + (notice.returnLate() ? "（晚于报备的返回时间）" : "");
        });
    }

    @PostMapping(PAGE + "/obituaries")
    String fileObituary(@ModelAttribute ObituaryForm form, BindingResult binding, RedirectAttributes redirect) {
        String page = Refusals.change(redirect, PAGE, () -> {
            Refusals.requireTimes(binding);
            ObituaryNotice notice = obituaries.file(CurrentActor.require(), form.command());
            return notice.name() + "讣告信息已报送" + (notice.late() ? "（晚于应报时间 "
                    + formats.deadline(notice.dueAt()) + "，记为逾期）" : "");
        });
        Refusals.keepOnRefusal(redirect, "obituaryForm", form);
        return page;
    }

    record AbsenceForm(UUID personId, String reason, String destination,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime departAt,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime returnAt, UUID actingPersonId,
            String contact, Boolean urgent, @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime phonedAt)
            implements Serializable {

        static final AbsenceForm EMPTY = new AbsenceForm(null, null, null, null, null, null, null, false, null);

        AbsenceNoticeCommand command() {
            return new AbsenceNoticeCommand(personId, reason, destination, Zones.china(departAt),
                    Zones.china(returnAt), actingPersonId, contact, urgent, Zones.china(phonedAt), false);
        }
    }

    record ObituaryForm(String name, String formerPost, ObituaryCategory category,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime diedAt, String place,
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime farewellAt, String farewellPlace,
            String contact, String contactPhone) implements Serializable {

        static final ObituaryForm EMPTY = new ObituaryForm(null, null, null, null, null, null, null, null, null);

        ObituaryNoticeCommand command() {
            return new ObituaryNoticeCommand(name, formerPost, category, Zones.china(diedAt), place,
                    Zones.china(farewellAt), farewellPlace, contact, contactPhone, false);
        }
    }
}

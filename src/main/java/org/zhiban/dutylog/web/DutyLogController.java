package org.zhiban.dutylog.web;

import java.time.Clock;
import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Zones;

/**
 * 值班日志: the form a duty officer fills at 3 a.m. with the phone still in hand — call first, keyboard only, the
 * time already there — and the shift's entries with their numbers beside it.
 */
@Controller
class DutyLogController {

    private final DutyLog dutyLog;
    private final OnDuty onDuty;
    private final Clock clock;

    DutyLogController(DutyLog dutyLog, OnDuty onDuty, Clock clock) {
        this.dutyLog = dutyLog;
        this.onDuty = onDuty;
        this.clock = clock;
    }

    @GetMapping("/duty-log")
    String page(Model model) {
        EntryForm form = new EntryForm();
        form.setKind(EntryKind.INCOMING_CALL);
        form.setFollowUp(FollowUp.DONE);
        form.setOccurredAt(LocalDateTime.ofInstant(clock.instant(), Zones.CHINA).withSecond(0).withNano(0));
        return show(form, model);
    }

    @PostMapping("/duty-log")
    String record(@ModelAttribute("form") EntryForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            DutyLogEntry entry = dutyLog.record(CurrentActor.require(), form.command());
            redirect.addFlashAttribute("notice", "已记录 " + entry.number() + "（" + entry.kind().label() + "）");
            return "redirect:/duty-log";
        }).orElseGet(() -> show(form, model));
    }

    private String show(EntryForm form, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("form", form);
        model.addAttribute("duty", onDuty.current(actor.unitId(), clock.instant()));
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("followUps", FollowUp.values());
        model.addAttribute("entries", dutyLog.currentShift(actor));
        return "dutylog/log";
    }

    /** The form as posted; times are China time to the minute. */
    public static class EntryForm {

        private EntryKind kind;
        /** As the browser's datetime-local field sends and shows it. */
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime occurredAt;
        private String place;
        private String summary;
        private String callerName;
        private String callerUnit;
        private String callerPhone;
        private String responsibleUnit;
        private String handling;
        private String outcome;
        private FollowUp followUp;
        private boolean classified;

        EntryCommand command() {
            return new EntryCommand(kind, occurredAt == null ? null : occurredAt.atZone(Zones.CHINA).toOffsetDateTime(),
                    place, summary, callerName, callerUnit, callerPhone, responsibleUnit, handling, outcome, followUp,
                    classified, null);
        }

        public EntryKind getKind() { return kind; }
        public void setKind(EntryKind kind) { this.kind = kind; }
        public LocalDateTime getOccurredAt() { return occurredAt; }
        public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
        public String getPlace() { return place; }
        public void setPlace(String place) { this.place = place; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getCallerName() { return callerName; }
        public void setCallerName(String callerName) { this.callerName = callerName; }
        public String getCallerUnit() { return callerUnit; }
        public void setCallerUnit(String callerUnit) { this.callerUnit = callerUnit; }
        public String getCallerPhone() { return callerPhone; }
        public void setCallerPhone(String callerPhone) { this.callerPhone = callerPhone; }
        public String getResponsibleUnit() { return responsibleUnit; }
        public void setResponsibleUnit(String responsibleUnit) { this.responsibleUnit = responsibleUnit; }
        public String getHandling() { return handling; }
        public void setHandling(String handling) { this.handling = handling; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public FollowUp getFollowUp() { return followUp; }
        public void setFollowUp(FollowUp followUp) { this.followUp = followUp; }
        public boolean isClassified() { return classified; }
        public void setClassified(boolean classified) { this.classified = classified; }
    }
}

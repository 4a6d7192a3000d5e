package org.zhiban.dutylog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.zhiban.dutylog.Attachments;
import org.zhiban.dutylog.Upload;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.FollowUp;
import org.zhiban.dutylog.LogBook;
import org.zhiban.dutylog.LogSearch;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.OnDuty;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * 值班日志: the form a duty officer fills at 3 a.m. with the phone still in hand — call first, keyboard only, the
 * time already there — and the shift's entries with their numbers beside it.
 */
@Controller
class DutyLogController {

    private final DutyLog dutyLog;
    private final OnDuty onDuty;
    private final UnitTree unitTree;
    private final Attachments attachments;
    private final Clock clock;

    DutyLogController(DutyLog dutyLog, OnDuty onDuty, UnitTree unitTree, Attachments attachments, Clock clock) {
        this.attachments = attachments;
        this.dutyLog = dutyLog;
        this.onDuty = onDuty;
        this.unitTree = unitTree;
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
            DutyLogEntry entry = dutyLog.record(CurrentActor.require(), form.command(), form.uploads());
            redirect.addFlashAttribute("notice", "已记录 " + entry.number() + "（" + entry.kind().label() + "）");
            return "redirect:/duty-log";
        }).orElseGet(() -> show(form, model));
    }

    /** 值班日志检索: the unit's log, or with 含下级 its whole subtree's, newest first. */
    @GetMapping("/duty-log/search")
    String search(@ModelAttribute("search") SearchForm search, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("kinds", EntryKind.values());
        if (search.searched()) {
            try {
                List<DutyLogEntry> found = dutyLog.search(actor, search.query(actor));
                model.addAttribute("results", found);
                model.addAttribute("unitNames", unitTree.findAll(found.stream().map(DutyLogEntry::unitId).distinct()
                        .toList()).stream().collect(Collectors.toMap(Unit::id, Unit::name)));
            }
            catch (ZhibanException e) {
                if (e.status() != 400) {
                    throw e;
                }
                model.addAttribute("refusal", e.fieldProblems().size() == 1 ? e.fieldProblems().get(0).message()
                        : e.detail());
            }
        }
        return "dutylog/search";
    }

    /** The form again, filled with the entry as it stands, to write a correction with its reason. */
    @GetMapping("/duty-log/entries/{id}/correct")
    String correction(@PathVariable UUID id, Model model) {
        DutyLogEntry latest = latest(id);
        model.addAttribute("correcting", latest);
        return show(EntryForm.of(latest), model);
    }

    @PostMapping("/duty-log/entries/{id}/corrections")
    String correct(@PathVariable UUID id, @ModelAttribute("form") EntryForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            DutyLogEntry entry = dutyLog.correct(CurrentActor.require(), id, form.command());
            redirect.addFlashAttribute("notice", "已更正 " + entry.number() + "（第" + entry.version() + "版，原版本保留）");
            return "redirect:/duty-log";
        }).orElseGet(() -> {
            model.addAttribute("correcting", latest(id));
            return show(form, model);
        });
    }

    private DutyLogEntry latest(UUID id) {
        List<DutyLogEntry> versions = dutyLog.versions(CurrentActor.require(), id);
        return versions.get(versions.size() - 1);
    }

    @GetMapping("/duty-log/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id) {
        Attachments.Stored stored = attachments.content(CurrentActor.require(), id);
        return Downloads.attachment(stored.attachment().fileName(), stored.attachment().contentType(), stored.content());
    }

    /** 值班记录簿: a year's book as printed and archived, for the unit or one below it. */
    @GetMapping("/duty-log/book")
    String book(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) Integer year,
            Model model) {
        Actor actor = CurrentActor.require();
        UUID unit = unitId != null ? unitId : actor.unitId();
        int shown = year != null ? year : LocalDate.ofInstant(clock.instant(), Zones.CHINA).getYear();
        LogBook book = dutyLog.book(actor, unit, shown);
        model.addAttribute("book", book);
        model.addAttribute("summary", LogBookPages.summary(book));
        model.addAttribute("years", dutyLog.years(actor, unit));
        return "dutylog/book";
    }

    @GetMapping("/duty-log/book.docx")
    ResponseEntity<byte[]> bookDocument(@RequestParam(required = false) UUID unitId, @RequestParam int year) {
        Actor actor = CurrentActor.require();
        LogBook book = dutyLog.book(actor, unitId != null ? unitId : actor.unitId(), year);
        return Downloads.docx(book.unitName() + "值班记录簿" + year + ".docx", LogBookDocument.render(book));
    }

    private String show(EntryForm form, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("form", form);
        model.addAttribute("duty", onDuty.current(actor.unitId(), clock.instant()));
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("followUps", FollowUp.values());
        List<DutyLogEntry> entries = dutyLog.currentShift(actor);
        model.addAttribute("entries", entries);
        model.addAttribute("attachments", attachments.ofUnitEntries(actor, actor.unitId(),
                entries.stream().map(DutyLogEntry::id).toList()));
        model.addAttribute("open", dutyLog.openEntries(actor));
        return "dutylog/log";
    }

    /** The search as the page sends it; dates are China dates, both ends included. */
    public static class SearchForm {

        private String text;
        private EntryKind kind;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;
        private String caller;
        private boolean subordinates;

        boolean searched() {
            return text != null || kind != null || from != null || to != null || caller != null;
        }

        LogSearch query(Actor actor) {
            if (text != null && !text.isBlank() && text.strip().codePointCount(0, text.strip().length()) < 2) {
                throw ZhibanException.invalidField("text", "请至少输入两个字");
            }
            return new LogSearch(actor.unitId(), subordinates, text, kind, from, to, caller, null);
        }

        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
        public EntryKind getKind() { return kind; }
        public void setKind(EntryKind kind) { this.kind = kind; }
        public LocalDate getFrom() { return from; }
        public void setFrom(LocalDate from) { this.from = from; }
        public LocalDate getTo() { return to; }
        public void setTo(LocalDate to) { this.to = to; }
        public String getCaller() { return caller; }
        public void setCaller(String caller) { this.caller = caller; }
        public boolean isSubordinates() { return subordinates; }
        public void setSubordinates(boolean subordinates) { this.subordinates = subordinates; }
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
        private List<MultipartFile> files = new ArrayList<>();
        private boolean sensitiveFiles;
        private String correctionNote;

        /** The entry as it stands, for a correction. */
        static EntryForm of(DutyLogEntry entry) {
            EntryForm form = new EntryForm();
            form.kind = entry.kind();
            form.occurredAt = entry.occurredAt().atZoneSameInstant(Zones.CHINA).toLocalDateTime();
            form.place = entry.place();
            form.summary = entry.summary();
            form.callerName = entry.callerName();
            form.callerUnit = entry.callerUnit();
            form.callerPhone = entry.callerPhone();
            form.responsibleUnit = entry.responsibleUnit();
            form.handling = entry.handling();
            form.outcome = entry.outcome();
            form.followUp = entry.followUp();
            return form;
        }

        /** The files chosen; the browser sends an empty part when none is. */
        List<Upload> uploads() {
            List<Upload> uploads = new ArrayList<>();
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    try {
                        uploads.add(new Upload(file.getOriginalFilename(), file.getBytes(), sensitiveFiles));
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return uploads;
        }

        EntryCommand command() {
            return new EntryCommand(kind, Zones.china(occurredAt),
                    place, summary, callerName, callerUnit, callerPhone, responsibleUnit, handling, outcome, followUp,
                    classified, correctionNote);
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
        public List<MultipartFile> getFiles() { return files; }
        public boolean isSensitiveFiles() { return sensitiveFiles; }
        public void setSensitiveFiles(boolean sensitiveFiles) { this.sensitiveFiles = sensitiveFiles; }
        public void setFiles(List<MultipartFile> files) { this.files = files; }
        public String getCorrectionNote() { return correctionNote; }
        public void setCorrectionNote(String correctionNote) { this.correctionNote = correctionNote; }
    }
}

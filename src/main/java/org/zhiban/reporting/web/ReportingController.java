package org.zhiban.reporting.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.Obligations;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.reporting.DailyReportCommand;
import org.zhiban.reporting.FeedbackCommand;
import org.zhiban.reporting.HolidayReports;
import org.zhiban.reporting.Incident;
import org.zhiban.reporting.IncidentCategory;
import org.zhiban.reporting.IncidentCommand;
import org.zhiban.reporting.IncidentDocument;
import org.zhiban.reporting.IncidentReport;
import org.zhiban.reporting.Incidents;
import org.zhiban.reporting.LapseCommand;
import org.zhiban.reporting.ReportChannel;
import org.zhiban.reporting.ReportCommand;
import org.zhiban.reporting.ReportStage;
import org.zhiban.reporting.ReportingLapses;
import org.zhiban.reporting.Severity;
import org.zhiban.reporting.VerificationCommand;
import org.zhiban.reporting.Verifications;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Zones;

/**
 * 信息报送: the unit's desk (its incidents, requests to verify, holiday daily report), an incident's page with its
 * chain and the next report's form, and the superior's inbox (reports to sign for, what came up from below,
 * verification requests sent, findings).
 */
@Controller
class ReportingController {

    private static final int LIMIT = 50;

    private final Incidents incidents;
    private final Verifications verifications;
    private final ReportingLapses lapses;
    private final HolidayReports holidayReports;
    private final UnitTree unitTree;
    private final Clock clock;

    ReportingController(Incidents incidents, Verifications verifications, ReportingLapses lapses,
            HolidayReports holidayReports, UnitTree unitTree, Clock clock) {
        this.incidents = incidents;
        this.verifications = verifications;
        this.lapses = lapses;
        this.holidayReports = holidayReports;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping("/reporting")
    String desk(Model model) {
        addDesk(CurrentActor.require(), model);
        return "reporting/desk";
    }

    /** The desk's lists alone, fetched by the live refresh instead of the whole page. */
    @GetMapping("/reporting/live")
    String deskLive(Model model) {
        addDesk(CurrentActor.require(), model);
        return "reporting/desk :: live";
    }

    private void addDesk(Actor actor, Model model) {
        model.addAttribute("incidents", incidents.ofOwnUnit(actor, LIMIT));
        model.addAttribute("requests", verifications.received(actor, LIMIT));
        model.addAttribute("holiday", holidayReports.today(actor));
        model.addAttribute("serverNow", clock.millis());
    }

    @GetMapping("/reporting/incidents/new")
    String newIncident(Model model) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.CHINA)).truncatedTo(ChronoUnit.MINUTES);
        IncidentForm form = new IncidentForm();
        form.setLearnedAt(now);
        form.setOccurredAt(now);
        return incidentForm(form, model);
    }

    @PostMapping("/reporting/incidents")
    String register(@ModelAttribute("form") IncidentForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return FormErrors.submit(result, () -> {
            Incident registered = incidents.register(actor, form.command());
            redirect.addFlashAttribute("notice", registeredNotice(registered));
            return "redirect:/reporting/incidents/" + registered.id();
        }).orElseGet(() -> incidentForm(form, model));
    }

    @GetMapping("/reporting/incidents/{id}")
    String incident(@PathVariable UUID id, Model model) {
        Incident incident = incidents.get(CurrentActor.require(), id);
        ReportForm form = new ReportForm();
        form.setStage(incident.reports().isEmpty() ? ReportStage.INITIAL.name() : ReportStage.FOLLOW_UP.name());
        form.setChannel(incident.reports().isEmpty() ? ReportChannel.PHONE.name() : ReportChannel.WRITTEN.name());
        return incidentPage(incident, form, model);
    }

    @PostMapping("/reporting/incidents/{id}/reports")
    String file(@PathVariable UUID id, @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return FormErrors.submit(result, () -> {
            Incident filed = incidents.file(actor, id, form.command());
            redirect.addFlashAttribute("notice", noticeOf(filed));
            return "redirect:/reporting/incidents/" + id;
        }).orElseGet(() -> incidentPage(incidents.get(actor, id), form, model));
    }

    @PostMapping("/reporting/incidents/{id}/reports/{reportId}/receipt")
    String sign(@PathVariable UUID id, @PathVariable UUID reportId, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, "inbox".equals(back) ? "/reporting/inbox" : "/reporting/incidents/" + id,
                () -> {
                    incidents.sign(CurrentActor.require(), id, reportId);
                    return "已签收";
                });
    }

    @GetMapping("/reporting/incidents/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return IncidentDocument.download(incidents.get(CurrentActor.require(), id));
    }

    @PostMapping("/reporting/verification-requests/{id}/feedback")
    String answer(@PathVariable UUID id, @RequestParam String channel, @RequestParam(required = false) String content,
            @RequestParam(required = false) String phoneTakenBy, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/reporting#verification-" + id, () -> {
            verifications.answer(CurrentActor.require(), id, new FeedbackCommand(channel, content, phoneTakenBy,
                    false));
            return "已反馈";
        });
    }

    @PostMapping("/reporting/daily-reports")
    String daily(@RequestParam(defaultValue = "DAILY") String kind, @RequestParam(defaultValue = "false") boolean nil,
            @RequestParam(required = false) String content, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/reporting", () -> {
            holidayReports.file(CurrentActor.require(), new DailyReportCommand(kind, null, nil, content, false));
            return nil ? "已报送零报告" : "已报送";
        });
    }

    @GetMapping("/reporting/inbox")
    String inbox(Model model) {
        addInbox(CurrentActor.require(), model);
        return "reporting/inbox";
    }

    /** The inbox's lists alone, fetched by the live refresh instead of the whole page. */
    @GetMapping("/reporting/inbox/live")
    String inboxLive(Model model) {
        addInbox(CurrentActor.require(), model);
        return "reporting/inbox :: live";
    }

    /**
     * What reached the actor's duty office from below. Nothing here grows with the subtree: what came up is counted per
     * direct subordinate, the lists are the newest {@link #LIMIT}, and findings are recorded against a direct
     * subordinate (a province has ten thousand units below it; no page lists them).
     */
    private void addInbox(Actor actor, Model model) {
        model.addAttribute("toSign", incidents.awaitingSignature(actor));
        model.addAttribute("toSignCount", incidents.countAwaitingSignature(actor));
        model.addAttribute("received", incidents.received(actor, LIMIT));
        model.addAttribute("perSubordinate", incidents.receivedPerSubordinate(actor));
        model.addAttribute("sent", verifications.sent(actor, LIMIT));
        List<ObligationView> found = lapses.recordedBelow(actor, LIMIT);
        model.addAttribute("lapses", found);
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        model.addAttribute("holidayDays", holidayReports.subordinates(actor, today));
        List<Obligations.KindCounts> filedBelow = holidayReports.filedBelow(actor, today);
        model.addAttribute("filedBelow", filedBelow);
        model.addAttribute("filedTotal", filedBelow.stream().map(c -> new long[] { c.due(), c.fulfilled(), c.late(),
                c.overdue() }).reduce(new long[4], (a, b) -> new long[] { a[0] + b[0], a[1] + b[1], a[2] + b[2],
                        a[3] + b[3] }));
        model.addAttribute("children", actor.unitId() == null ? List.of() : unitTree.children(actor.unitId()));
        model.addAttribute("unitNames", found.stream().map(ObligationView::unitId).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> unitTree.find(id).map(Unit::name).orElse(""))));
        model.addAttribute("serverNow", clock.millis());
    }

    @PostMapping("/reporting/verification-requests")
    String request(@RequestParam(required = false) List<UUID> targetUnitIds, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String details, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/reporting/inbox", () -> {
            verifications.send(CurrentActor.require(), new VerificationCommand(targetUnitIds, subject, details, false));
            return "核实要求已发出";
        });
    }

    @PostMapping("/reporting/lapses")
    String lapse(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String title, @RequestParam(required = false) String finding,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, "/reporting/inbox", () -> {
            lapses.record(CurrentActor.require(), new LapseCommand(unitId, kind, title, null, finding));
            return "已记录认定，计入时效台账";
        });
    }

    private String incidentForm(IncidentForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("severities", Severity.values());
        return "reporting/incident-form";
    }

    private String incidentPage(Incident incident, ReportForm form, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("incident", incident);
        model.addAttribute("form", form);
        model.addAttribute("own", actor.standsDuty() && incident.unitId().equals(actor.unitId()));
        model.addAttribute("recipient", actor.standsDuty() && actor.unitId() != null
                && actor.unitId().equals(incident.superiorUnitId()));
        model.addAttribute("stages", ReportStage.values());
        model.addAttribute("channels", ReportChannel.values());
        model.addAttribute("serverNow", clock.millis());
        return "reporting/incident";
    }

    /** The new-incident form; times are entered to the minute in China Standard Time. */
    public static class IncidentForm {
        private String category = IncidentCategory.ACCIDENT.name();
        private String severity = Severity.IV.name();
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime occurredAt;
        @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
        private LocalDateTime learnedAt;
        private String place;
        private String title;
        private String summary;
        private String casualties;
        private String losses;
        private boolean classified;

        IncidentCommand command() {
            return new IncidentCommand(category, severity, Zones.china(occurredAt), Zones.china(learnedAt), place,
                    title, summary, casualties, losses, classified);
        }

        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public String getSeverity() { return severity; }
        public void setSeverity(String severity) { this.severity = severity; }
        public LocalDateTime getOccurredAt() { return occurredAt; }
        public void setOccurredAt(LocalDateTime occurredAt) { this.occurredAt = occurredAt; }
        public LocalDateTime getLearnedAt() { return learnedAt; }
        public void setLearnedAt(LocalDateTime learnedAt) { this.learnedAt = learnedAt; }
        public String getPlace() { return place; }
        public void setPlace(String place) { this.place = place; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getCasualties() { return casualties; }
        public void setCasualties(String casualties) { this.casualties = casualties; }
        public String getLosses() { return losses; }
        public void setLosses(String losses) { this.losses = losses; }
        public boolean isClassified() { return classified; }
        public void setClassified(boolean classified) { this.classified = classified; }
    }

    /** The next report's form on an incident's page. */
    public static class ReportForm {
        private String stage;
        private String channel;
        private String content;
        private String casualties;
        private String losses;
        private String disposal;
        private String measures;
        private String instructions;
        private String publicOpinion;
        private String outcome;
        private String cause;
        private String assessment;
        private String phoneTakenBy;
        private String signer;
        private boolean classified;

        ReportCommand command() {
            return new ReportCommand(stage, channel, content, casualties, losses, disposal, measures, instructions,
                    publicOpinion, outcome, cause, assessment, phoneTakenBy, signer, classified);
        }

        public String getStage() { return stage; }
        public void setStage(String stage) { this.stage = stage; }
        public String getChannel() { return channel; }
        public void setChannel(String channel) { this.channel = channel; }
        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getCasualties() { return casualties; }
        public void setCasualties(String casualties) { this.casualties = casualties; }
        public String getLosses() { return losses; }
        public void setLosses(String losses) { this.losses = losses; }
        public String getDisposal() { return disposal; }
        public void setDisposal(String disposal) { this.disposal = disposal; }
        public String getMeasures() { return measures; }
        public void setMeasures(String measures) { this.measures = measures; }
        public String getInstructions() { return instructions; }
        public void setInstructions(String instructions) { this.instructions = instructions; }
        public String getPublicOpinion() { return publicOpinion; }
        public void setPublicOpinion(String publicOpinion) { this.publicOpinion = publicOpinion; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public String getCause() { return cause; }
        public void setCause(String cause) { this.cause = cause; }
        public String getAssessment() { return assessment; }
        public void setAssessment(String assessment) { this.assessment = assessment; }
        public String getPhoneTakenBy() { return phoneTakenBy; }
        public void setPhoneTakenBy(String phoneTakenBy) { this.phoneTakenBy = phoneTakenBy; }
        public String getSigner() { return signer; }
        public void setSigner(String signer) { this.signer = signer; }
        public boolean isClassified() { return classified; }
        public void setClassified(boolean classified) { this.classified = classified; }
    }

    /** What the officer is told after filing: the report went up, how late any deadline it met was, and closure. */
    /** Says the incident is saved, so that nobody registers it twice, and by when each report is due. */
    static String registeredNotice(Incident registered) {
        String due = registered.obligations().stream()
                .filter(o -> o.status() == ObligationStatus.OPEN)
                .map(o -> o.kindLabel() + " " + Zones.MINUTE.format(o.dueAt()) + " 前")
                .reduce((a, b) -> a + "，" + b).orElse(null);
        return "已登记" + (due == null ? "；本单位值班规范对此类事件未设报送时限" : "；请按时报送：" + due);
    }

    private static String noticeOf(Incident filed) {
        IncidentReport last = filed.reports().get(filed.reports().size() - 1);
        String late = filed.obligations().stream()
                .filter(o -> o.fulfilledAt() != null && o.lateness() != null && !"PT0S".equals(o.lateness()))
                .map(o -> o.kindLabel() + "迟报 " + Duration.parse(o.lateness()).toMinutes() + " 分钟")
                .reduce((a, b) -> a + "，" + b).map(s -> "（" + s + "）").orElse("");
        return "已" + last.channelLabel() + "报送" + last.stageLabel() + late + (filed.closed() ? "，报送链已关闭" : "");
    }
}

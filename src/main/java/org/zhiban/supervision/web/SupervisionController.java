package org.zhiban.supervision.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;
import org.zhiban.supervision.RollCall;
import org.zhiban.supervision.Inspection;
import org.zhiban.supervision.InspectionCommand;
import org.zhiban.supervision.InspectionKind;
import org.zhiban.supervision.Inspections;
import org.zhiban.supervision.Rectifications;
import org.zhiban.supervision.RollCallCommand;
import org.zhiban.supervision.RollCallMark;
import org.zhiban.supervision.RollCallResult;
import org.zhiban.supervision.RollCalls;
import org.zhiban.supervision.SpotCheck;
import org.zhiban.supervision.SpotCheckCommand;
import org.zhiban.supervision.SpotCheckResult;
import org.zhiban.supervision.SpotChecks;
import org.zhiban.supervision.Supervisors;
import org.zhiban.supervision.VideoRequests;

/**
 * 督促指导: the roll calls the unit organised or was called to and the video requests it made or received; phone
 * spot checks with whom to call next, inspections, talks and letters, the rectification demands and the year's
 * inspection coverage; the form
 * that schedules a roll call; a roll call's page — the call sheet for the organiser, marked one keystroke per unit,
 * and for a unit called its notice, leave request, coming online and report to its head.
 */
@Controller
class SupervisionController {

    private static final String PAGE = "/supervision";
    private static final String ROLL_CALLS = PAGE + "/roll-calls";
    private static final String INSPECTIONS = PAGE + "/inspections";
    private static final int SUGGESTIONS = 20;

    private final RollCalls rollCalls;
    private final VideoRequests videoRequests;
    private final SpotChecks spotChecks;
    private final Inspections inspections;
    private final Rectifications rectifications;
    private final UnitTree unitTree;
    private final Clock clock;

    SupervisionController(RollCalls rollCalls, VideoRequests videoRequests, SpotChecks spotChecks,
            Inspections inspections, Rectifications rectifications, UnitTree unitTree, Clock clock) {
        this.rollCalls = rollCalls;
        this.videoRequests = videoRequests;
        this.spotChecks = spotChecks;
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String index(Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("rollCalls", rollCalls.list(actor, 0));
        model.addAttribute("videoRequests", videoRequests.list(actor));
        model.addAttribute("myUnit", actor.unitId());
        model.addAttribute("below", unitTree.children(actor.unitId()));
        model.addAttribute("acts", Supervisors.acts(actor));
        return "supervision/index";
    }

    @GetMapping(INSPECTIONS)
    String inspections(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) Integer year,
            Model model) {
        Actor actor = CurrentActor.require();
        boolean acts = Supervisors.acts(actor);
        model.addAttribute("acts", acts);
        model.addAttribute("myUnit", actor.unitId());
        model.addAttribute("below", unitTree.children(actor.unitId()));
        model.addAttribute("chosen", unitId);
        model.addAttribute("results", SpotCheckResult.values());
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("suggestions", acts ? spotChecks.suggestions(actor, SUGGESTIONS) : List.of());
        model.addAttribute("offHoursNow", spotChecks.offHoursNow());
        model.addAttribute("coverage", inspections.coverage(actor, actor.unitId(),
                year == null ? AcceptedDates.today(clock).getYear() : year));
        model.addAttribute("checks", spotChecks.list(actor, 0));
        model.addAttribute("inspections", inspections.list(actor, 0));
        model.addAttribute("rectifications", rectifications.list(actor));
        model.addAttribute("minuteNow", LocalDateTime.ofInstant(clock.instant(), Zones.CHINA).truncatedTo(
                ChronoUnit.MINUTES));
        return "supervision/inspections";
    }

    @PostMapping(PAGE + "/spot-checks")
    String recordSpotCheck(@RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime calledAt,
            @RequestParam(required = false) String result, @RequestParam(required = false) Integer rings,
            @RequestParam(required = false) String answeredBy, @RequestParam(defaultValue = "false") boolean onRoster,
            @RequestParam(defaultValue = "false") boolean knewLeaderOnDuty,
            @RequestParam(defaultValue = "false") boolean standardGreeting,
            @RequestParam(required = false) String notes, RedirectAttributes redirect) {
        return Refusals.change(redirect, INSPECTIONS, () -> {
            SpotCheck check = spotChecks.record(CurrentActor.require(), new SpotCheckCommand(unitId,
                    Zones.china(calledAt), result, rings, answeredBy, onRoster, knewLeaderOnDuty, standardGreeting,
                    notes));
            return "已记录对" + check.unitName() + "的电话抽查：" + check.result() + " " + check.resultLabel()
                    + (check.rectification() != null ? "，已下发整改通知" : "");
        });
    }

    @PostMapping(INSPECTIONS)
    String recordInspection(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime heldAt,
            @RequestParam(required = false) String findings, @RequestParam(required = false) String demand,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, INSPECTIONS, () -> {
            Inspection inspection = inspections.record(CurrentActor.require(), new InspectionCommand(unitId, kind,
                    Zones.china(heldAt), findings, demand));
            return "已记录对" + inspection.unitName() + "的" + inspection.kindLabel()
                    + (inspection.rectification() != null ? "，已下发整改通知" : "");
        });
    }

    @PostMapping(PAGE + "/rectifications/{id}/report")
    String reportRectification(@PathVariable UUID id, @RequestParam(required = false) String report,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, INSPECTIONS, () -> {
            rectifications.report(CurrentActor.require(), id, report);
            return "整改情况已报送";
        });
    }

    @PostMapping(PAGE + "/rectifications/{id}/decision")
    String decideRectification(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean accept,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Refusals.change(redirect, INSPECTIONS, () -> {
            rectifications.decide(CurrentActor.require(), id, accept, reason);
            return accept ? "整改情况已审核通过" : "整改情况已退回";
        });
    }

    @GetMapping(ROLL_CALLS + "/new")
    String form(Model model) {
        Actor actor = CurrentActor.require();
        if (!Supervisors.acts(actor)) {
            throw ZhibanException.forbidden("FORBIDDEN", "视频点名由本单位值班室安排");
        }
        model.addAttribute("below", unitTree.children(actor.unitId()));
        model.addAttribute("levels", Arrays.stream(UnitLevel.values()).filter(l -> unitTree.below(actor.unitId())
                .stream().anyMatch(u -> u.level() == l)).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ScheduleForm(null, null, List.of(), null));
        }
        return "supervision/new";
    }

    @PostMapping(ROLL_CALLS)
    String schedule(@ModelAttribute ScheduleForm form, BindingResult binding, RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        String page = Refusals.change(redirect, ROLL_CALLS + "/new", () -> {
            Refusals.requireTimes(binding);
            RollCall call = rollCalls.schedule(CurrentActor.require(), form.command());
            created[0] = call.id();
            return "已安排 " + Zones.MINUTE.format(call.startsAt()) + " 视频点名，已通知" + call.units().size() + "个单位";
        });
        Refusals.keepOnRefusal(redirect, "form", form);
        return created[0] == null ? page : "redirect:" + ROLL_CALLS + "/" + created[0];
    }

    @GetMapping(ROLL_CALLS + "/{id}")
    String rollCall(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        RollCall call = rollCalls.get(actor, id);
        model.addAttribute("call", call);
        model.addAttribute("organiser", call.organiserUnitId().equals(actor.unitId()) && Supervisors.acts(actor));
        model.addAttribute("own", call.units().stream().filter(u -> u.unitId().equals(actor.unitId())).findFirst()
                .orElse(null));
        model.addAttribute("current", call.units().stream().filter(u -> u.result() == null).findFirst()
                .map(RollCall.CalledUnit::unitId).orElse(null));
        model.addAttribute("results", RollCallResult.values());
        model.addAttribute("acts", Supervisors.acts(actor));
        return "supervision/roll-call";
    }

    /** A findings box left unticked is sent as nothing: not found there. */
    @PostMapping(ROLL_CALLS + "/{id}/marks")
    String mark(@PathVariable UUID id, @RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) RollCallResult result,
            @RequestParam(defaultValue = "false") boolean officerPresent,
            @RequestParam(defaultValue = "false") boolean leaderPresent,
            @RequestParam(defaultValue = "false") boolean logInOrder, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            RollCall call = rollCalls.mark(CurrentActor.require(), id, new RollCallMark(unitId, result,
                    officerPresent, leaderPresent, logInOrder, note));
            return call.units().stream().filter(u -> u.unitId().equals(unitId)).findFirst()
                    .map(u -> u.unitName() + "：" + u.resultLabel()).orElse("已点名");
        });
    }

    @PostMapping(ROLL_CALLS + "/{id}/end")
    String end(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            RollCall call = rollCalls.end(CurrentActor.require(), id);
            return "点名已结束：" + call.units().size() + "个单位，缺席" + call.units().stream()
                    .filter(u -> u.result() == RollCallResult.ABSENT).count() + "个";
        });
    }

    @PostMapping(ROLL_CALLS + "/{id}/online")
    String online(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            rollCalls.online(CurrentActor.require(), id);
            return "已确认调试上线";
        });
    }

    @PostMapping(ROLL_CALLS + "/{id}/leave")
    String requestLeave(@PathVariable UUID id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            rollCalls.requestLeave(CurrentActor.require(), id, reason);
            return "请假申请已报组织单位";
        });
    }

    @PostMapping(ROLL_CALLS + "/{id}/leave/decision")
    String decideLeave(@PathVariable UUID id, @RequestParam UUID unitId, @RequestParam boolean grant,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            rollCalls.decideLeave(CurrentActor.require(), id, unitId, grant, comment);
            return grant ? "已准假" : "已不准假";
        });
    }

    @PostMapping(ROLL_CALLS + "/{id}/head-report")
    String reportToHead(@PathVariable UUID id, @RequestParam(required = false) String reportedTo,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, ROLL_CALLS + "/" + id, () -> {
            rollCalls.reportToHead(CurrentActor.require(), id, reportedTo);
            return "已记录向" + reportedTo + "报告会议要点";
        });
    }

    @PostMapping(PAGE + "/video-requests")
    String requestVideo(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String subject,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "#video-requests", () -> "已调取"
                + videoRequests.request(CurrentActor.require(), unitId, subject).unitName() + "视频图像");
    }

    @PostMapping(PAGE + "/video-requests/{id}/push")
    String push(@PathVariable UUID id, @RequestParam(required = false) String stream, RedirectAttributes redirect) {
        return Refusals.change(redirect, PAGE + "#video-requests", () -> {
            videoRequests.push(CurrentActor.require(), id, stream);
            return "已确认推送视频图像";
        });
    }

    record ScheduleForm(@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt, String agenda,
            List<UUID> unitIds, UnitLevel level) implements Serializable {

        RollCallCommand command() {
            return new RollCallCommand(Zones.china(startsAt), agenda == null ? List.of()
                    : Arrays.asList(agenda.split("\\R")), unitIds, level);
        }
    }
}

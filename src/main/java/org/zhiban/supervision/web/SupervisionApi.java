package org.zhiban.supervision.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;
import org.zhiban.supervision.Inspection;
import org.zhiban.supervision.InspectionCommand;
import org.zhiban.supervision.InspectionCoverage;
import org.zhiban.supervision.Inspections;
import org.zhiban.supervision.Rectification;
import org.zhiban.supervision.Rectifications;
import org.zhiban.supervision.SpotCheck;
import org.zhiban.supervision.SpotCheckCommand;
import org.zhiban.supervision.SpotChecks;
import org.zhiban.supervision.RollCall;
import org.zhiban.supervision.RollCallCommand;
import org.zhiban.supervision.RollCallMark;
import org.zhiban.supervision.RollCalls;
import org.zhiban.supervision.VideoRequest;
import org.zhiban.supervision.VideoRequests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "督促指导", description = "视频点名（请假、调试上线、逐一点名、会议要点报告负责同志）、视频图像调取、电话抽查、实地检查、约谈函询与整改、年度检查覆盖；时限取自被点名、被调取单位适用的值班规范")
@RestController
class SupervisionApi {

    /** The units a suggested list names: a morning's calls. */
    static final int SUGGESTIONS = 20;

    private final RollCalls rollCalls;
    private final VideoRequests videoRequests;
    private final SpotChecks spotChecks;
    private final Inspections inspections;
    private final Rectifications rectifications;
    private final Clock clock;

    SupervisionApi(RollCalls rollCalls, VideoRequests videoRequests, SpotChecks spotChecks, Inspections inspections,
            Rectifications rectifications, Clock clock) {
        this.rollCalls = rollCalls;
        this.videoRequests = videoRequests;
        this.spotChecks = spotChecks;
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.clock = clock;
    }

    @Operation(summary = "安排视频点名：unitIds 列出被点名单位，或 level 点名本单位以下某一层级的全部单位；答复含每个被点名单位的时限事项")
    @PostMapping("/api/v1/roll-calls")
    ResponseEntity<RollCall> schedule(@RequestBody RollCallCommand command) {
        RollCall call = rollCalls.schedule(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/roll-calls/" + call.id())).body(call);
    }

    @Operation(summary = "本单位组织或被点名的视频点名，按开始时间倒序，每页 50 条")
    @GetMapping("/api/v1/roll-calls")
    List<RollCall> list(@Parameter(description = "页码，从 0 起") @RequestParam(defaultValue = "0") int page) {
        return rollCalls.list(CurrentActor.require(), page);
    }

    @Operation(summary = "视频点名详情，含每个被点名单位的请假、上线、点名结果和时限事项")
    @GetMapping("/api/v1/roll-calls/{id}")
    RollCall get(@Parameter(description = "视频点名") @PathVariable UUID id) {
        return rollCalls.get(CurrentActor.require(), id);
    }

    @Operation(summary = "被点名单位确认已调试上线")
    @PostMapping("/api/v1/roll-calls/{id}/online")
    RollCall online(@Parameter(description = "视频点名") @PathVariable UUID id) {
        return rollCalls.online(CurrentActor.require(), id);
    }

    @Operation(summary = "被点名单位在点名开始前请假，说明理由")
    @PostMapping("/api/v1/roll-calls/{id}/leave")
    RollCall requestLeave(@Parameter(description = "视频点名") @PathVariable UUID id, @RequestBody LeaveBody body) {
        return rollCalls.requestLeave(CurrentActor.require(), id, body.reason());
    }

    @Operation(summary = "组织单位准假或不准假（不准假须说明意见）")
    @PostMapping("/api/v1/roll-calls/{id}/leave/decision")
    RollCall decideLeave(@Parameter(description = "视频点名") @PathVariable UUID id, @RequestBody LeaveDecisionBody body) {
        if (body.grant() == null) {
            // Left out, a decision is not read as a refusal: the organiser says which.
            throw ZhibanException.invalidField("grant", "请选择准假（true）或不准假（false）");
        }
        return rollCalls.decideLeave(CurrentActor.require(), id, body.unitId(), body.grant(), body.comment());
    }

    @Operation(summary = "组织单位逐一点名：结果（ON_TIME 准时、LATE 迟到、ABSENT 缺席、ON_LEAVE 请假、PICTURE_FAULT 画面故障、SOUND_FAULT 声音故障、NETWORK_FAULT 网络故障）及在岗、记录情况")
    @PostMapping("/api/v1/roll-calls/{id}/marks")
    RollCall mark(@Parameter(description = "视频点名") @PathVariable UUID id, @RequestBody RollCallMark mark) {
        return rollCalls.mark(CurrentActor.require(), id, mark);
    }

    @Operation(summary = "组织单位结束点名：未点到的单位记为缺席（已准假的记为请假），参加的单位开始计算会议要点报告时限")
    @PostMapping("/api/v1/roll-calls/{id}/end")
    RollCall end(@Parameter(description = "视频点名") @PathVariable UUID id) {
        return rollCalls.end(CurrentActor.require(), id);
    }

    @Operation(summary = "被点名单位记录已向本单位负责同志报告会议要点")
    @PostMapping("/api/v1/roll-calls/{id}/head-report")
    RollCall reportToHead(@Parameter(description = "视频点名") @PathVariable UUID id, @RequestBody HeadReportBody body) {
        return rollCalls.reportToHead(CurrentActor.require(), id, body.reportedTo());
    }

    @Operation(summary = "调取下级单位的视频图像：被调取单位按其适用规范的时限推送")
    @PostMapping("/api/v1/video-requests")
    ResponseEntity<VideoRequest> requestVideo(@RequestBody VideoRequestBody body) {
        VideoRequest request = videoRequests.request(CurrentActor.require(), body.unitId(), body.subject());
        return ResponseEntity.created(URI.create("/api/v1/video-requests/" + request.id())).body(request);
    }

    @Operation(summary = "本单位发出或收到的视频调取，待推送的在前")
    @GetMapping("/api/v1/video-requests")
    List<VideoRequest> videoRequests() {
        return videoRequests.list(CurrentActor.require());
    }

    @Operation(summary = "视频调取详情")
    @GetMapping("/api/v1/video-requests/{id}")
    VideoRequest videoRequest(@Parameter(description = "视频调取") @PathVariable UUID id) {
        return videoRequests.get(CurrentActor.require(), id);
    }

    @Operation(summary = "被调取单位确认已推送，写明视频通道名称或地址（本系统不传输视频）")
    @PostMapping("/api/v1/video-requests/{id}/push")
    VideoRequest push(@Parameter(description = "视频调取") @PathVariable UUID id, @RequestBody PushBody body) {
        return videoRequests.push(CurrentActor.require(), id, body.stream());
    }

    @Operation(summary = "记录对直接下级单位的电话抽查：result 为结果代码（11 接通规范、12 接通不规范、13 非本单位接听、14 挂断、21 无人接听、22 忙音、23 空号停机）；按被抽查单位适用规范判为不合格的，同时下发整改通知")
    @PostMapping("/api/v1/spot-checks")
    ResponseEntity<SpotCheck> recordSpotCheck(@RequestBody SpotCheckCommand command) {
        SpotCheck check = spotChecks.record(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/spot-checks/" + check.id())).body(check);
    }

    @Operation(summary = "本单位做出或接受的电话抽查，按时间倒序，每页 100 条")
    @GetMapping("/api/v1/spot-checks")
    List<SpotCheck> spotChecks(@Parameter(description = "页码，从 0 起") @RequestParam(defaultValue = "0") int page) {
        return spotChecks.list(CurrentActor.require(), page);
    }

    @Operation(summary = "建议抽查的直接下级单位：本年度抽查最少的在前，附值班电话和当前在岗人员")
    @GetMapping("/api/v1/spot-checks/suggestions")
    List<SpotChecks.Suggestion> suggestions() {
        return spotChecks.suggestions(CurrentActor.require(), SUGGESTIONS);
    }

    @Operation(summary = "电话抽查详情，含其整改通知")
    @GetMapping("/api/v1/spot-checks/{id}")
    SpotCheck spotCheck(@Parameter(description = "电话抽查") @PathVariable UUID id) {
        return spotChecks.get(CurrentActor.require(), id);
    }

    @Operation(summary = "记录对直接下级单位的检查：kind 为 SITE_VISIT 实地查看、YEARLY_INSPECTION 年度检查评估、PHONE_REMINDER 电话提醒、TALK 约谈、LETTER 函询；写明 demand（整改要求）的同时下发整改通知")
    @PostMapping("/api/v1/inspections")
    ResponseEntity<Inspection> recordInspection(@RequestBody InspectionCommand command) {
        Inspection inspection = inspections.record(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/inspections?page=0")).body(inspection);
    }

    @Operation(summary = "本单位做出或接受的检查、约谈、函询与电话提醒，按时间倒序，每页 100 条")
    @GetMapping("/api/v1/inspections")
    List<Inspection> inspections(@Parameter(description = "页码，从 0 起") @RequestParam(defaultValue = "0") int page) {
        return inspections.list(CurrentActor.require(), page);
    }

    @Operation(summary = "年度值班检查覆盖情况：直接下级单位中已检查（电话抽查、实地查看或检查评估、视频点名）和尚未检查的，及各下级单位对其下级的覆盖；是否须全覆盖及其依据取自该单位适用的规范")
    @GetMapping("/api/v1/units/{id}/inspection-coverage")
    InspectionCoverage coverage(@Parameter(description = "单位") @PathVariable UUID id,
            @Parameter(description = "年度，默认本年") @RequestParam(required = false) Integer year) {
        return inspections.coverage(CurrentActor.require(), id, year == null ? AcceptedDates.today(clock).getYear()
                : year);
    }

    @Operation(summary = "本单位下发或收到的整改通知，未办结的在前")
    @GetMapping("/api/v1/rectifications")
    List<Rectification> rectifications() {
        return rectifications.list(CurrentActor.require());
    }

    @Operation(summary = "整改通知详情，含整改情况和时限事项")
    @GetMapping("/api/v1/rectifications/{id}")
    Rectification rectification(@Parameter(description = "整改通知") @PathVariable UUID id) {
        return rectifications.get(CurrentActor.require(), id);
    }

    @Operation(summary = "被要求整改的单位报送整改情况")
    @PostMapping("/api/v1/rectifications/{id}/report")
    Rectification reportRectification(@Parameter(description = "整改通知") @PathVariable UUID id,
            @RequestBody RectificationReportBody body) {
        return rectifications.report(CurrentActor.require(), id, body.report());
    }

    @Operation(summary = "下发单位审核整改情况：accept=false 时须写明退回理由，整改时限重新计算为逾期或待办")
    @PostMapping("/api/v1/rectifications/{id}/decision")
    Rectification decideRectification(@Parameter(description = "整改通知") @PathVariable UUID id,
            @RequestBody RectificationDecisionBody body) {
        return rectifications.decide(CurrentActor.require(), id, Boolean.TRUE.equals(body.accept()), body.reason());
    }

    record RectificationReportBody(String report) {
    }

    record RectificationDecisionBody(Boolean accept, String reason) {
    }

    record LeaveBody(String reason) {
    }

    record LeaveDecisionBody(UUID unitId, Boolean grant, String comment) {
    }

    record HeadReportBody(String reportedTo) {
    }

    record VideoRequestBody(UUID unitId, String subject) {
    }

    record PushBody(String stream) {
    }
}

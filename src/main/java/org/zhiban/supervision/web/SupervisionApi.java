package org.zhiban.supervision.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.shared.CurrentActor;
import org.zhiban.supervision.RollCall;
import org.zhiban.supervision.RollCallCommand;
import org.zhiban.supervision.RollCallMark;
import org.zhiban.supervision.RollCalls;
import org.zhiban.supervision.VideoRequest;
import org.zhiban.supervision.VideoRequests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "督促指导", description = "视频点名（请假、调试上线、逐一点名、会议要点报告负责同志）与视频图像调取；时限取自被点名、被调取单位适用的值班规范")
@RestController
class SupervisionApi {

    private final RollCalls rollCalls;
    private final VideoRequests videoRequests;

    SupervisionApi(RollCalls rollCalls, VideoRequests videoRequests) {
        this.rollCalls = rollCalls;
        this.videoRequests = videoRequests;
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
        return rollCalls.decideLeave(CurrentActor.require(), id, body.unitId(), Boolean.TRUE.equals(body.grant()),
                body.comment());
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

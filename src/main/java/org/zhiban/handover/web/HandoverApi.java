package org.zhiban.handover.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.handover.Handover;
import org.zhiban.handover.HandoverCommand;
import org.zhiban.handover.Handovers;
import org.zhiban.shared.CurrentActor;

@Tag(name = "交接班", description = "已办、待办、跟踪、关注四类事项，设备检查，交班人与接班人双方确认；未接班前班次不关闭")
@RestController
class HandoverApi {

    private final Handovers handovers;

    HandoverApi(Handovers handovers) {
        this.handovers = handovers;
    }

    @Operation(summary = "当前待交接班次的交接单：已提交的原样返回，否则按本班记录、在办事项、上一班移交事项和未完成任务预填（id 为空）")
    @GetMapping("/api/v1/handovers/current")
    Handover current() {
        return handovers.current(CurrentActor.require());
    }

    @Operation(summary = "交班人提交（或在接班前修改）交接单，即交班确认；须为本班次值班员，值班室负责人可以 signingFor 代本班值班员签署；换班前规定时间内方可交接")
    @PostMapping("/api/v1/handovers")
    ResponseEntity<Handover> prepare(@RequestBody HandoverCommand command) {
        Handover handover = handovers.prepare(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/handovers/" + handover.id())).body(handover);
    }

    @Operation(summary = "接班人确认接班：班次关闭，待办、跟踪、关注事项转入下一班；须为下一班次值班员，值班室负责人可以 acceptingFor 代其接班")
    @PostMapping("/api/v1/handovers/{id}/acceptance")
    Handover accept(@PathVariable UUID id, @RequestBody(required = false) Acceptance acceptance) {
        return handovers.accept(CurrentActor.require(), id, acceptance == null ? null : acceptance.remark(),
                acceptance == null ? null : acceptance.acceptingFor());
    }

    @Operation(summary = "一份交接单")
    @GetMapping("/api/v1/handovers/{id}")
    Handover get(@PathVariable UUID id) {
        return handovers.get(CurrentActor.require(), id);
    }

    @Operation(summary = "单位在日期范围内（含两端）开始的班次的交接单，最新的在前")
    @GetMapping("/api/v1/handovers")
    List<Handover> between(@RequestParam UUID unitId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return handovers.onDays(CurrentActor.require(), unitId, from, to);
    }

    record Acceptance(String remark, UUID acceptingFor) {
    }
}

package org.zhiban.roster.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.roster.Swap;
import org.zhiban.roster.Swaps;
import org.zhiban.shared.CurrentActor;

@Tag(name = "调班", description = "申请 → 对方同意 → 带班领导审批 → 值班表变更（留痕）；调班结果须符合值班规定")
@RestController
class SwapApi {

    private final Swaps swaps;

    SwapApi(Swaps swaps) {
        this.swaps = swaps;
    }

    @Operation(summary = "申请调班：counterpartSlotId 为空即由对方替班，否则与对方该班次互换")
    @PostMapping("/api/v1/swaps")
    ResponseEntity<Swap> request(@RequestBody Swaps.SwapRequest request) {
        Swap swap = swaps.request(CurrentActor.require(), request);
        return ResponseEntity.created(URI.create("/api/v1/swaps/" + swap.id())).body(swap);
    }

    @Operation(summary = "一份调班申请及其办理情况")
    @GetMapping("/api/v1/swaps/{id}")
    Swap get(@PathVariable UUID id) {
        return swaps.get(CurrentActor.require(), id);
    }

    @Operation(summary = "单位的调班申请，新近的在前")
    @GetMapping("/api/v1/units/{id}/swaps")
    List<Swap> ofUnit(@PathVariable UUID id) {
        return swaps.ofUnit(CurrentActor.require(), id);
    }

    @Operation(summary = "被申请的同事同意")
    @PostMapping("/api/v1/swaps/{id}/acceptance")
    Swap accept(@PathVariable UUID id) {
        return swaps.accept(CurrentActor.require(), id);
    }

    @Operation(summary = "被申请的同事不同意")
    @PostMapping("/api/v1/swaps/{id}/declination")
    Swap decline(@PathVariable UUID id, @RequestBody(required = false) Note note) {
        return swaps.decline(CurrentActor.require(), id, note == null ? null : note.note());
    }

    @Operation(summary = "带班领导批准：值班表随即变更；若届时调班结果违反规定则拒绝")
    @PostMapping("/api/v1/swaps/{id}/approval")
    Swap approve(@PathVariable UUID id) {
        return swaps.approve(CurrentActor.require(), id);
    }

    @Operation(summary = "带班领导不予批准（须说明理由）")
    @PostMapping("/api/v1/swaps/{id}/rejection")
    Swap reject(@PathVariable UUID id, @RequestBody(required = false) Note note) {
        return swaps.reject(CurrentActor.require(), id, note == null ? null : note.note());
    }

    @Operation(summary = "申请人撤回尚未办结的调班申请")
    @PostMapping("/api/v1/swaps/{id}/cancellation")
    Swap cancel(@PathVariable UUID id) {
        return swaps.cancel(CurrentActor.require(), id);
    }

    @Operation(summary = "某人尚未开始、可以调班的班次")
    @GetMapping("/api/v1/people/{id}/upcoming-shifts")
    List<Swaps.UpcomingPosition> upcoming(@PathVariable UUID id) {
        return swaps.upcomingPositions(CurrentActor.require(), id);
    }

    @Operation(summary = "值班表的变动记录（手工调整、调班），新近的在前")
    @GetMapping("/api/v1/rosters/{id}/history")
    List<Swaps.PositionChange> history(@PathVariable UUID id) {
        return swaps.history(CurrentActor.require(), id);
    }

    record Note(String note) {
    }
}

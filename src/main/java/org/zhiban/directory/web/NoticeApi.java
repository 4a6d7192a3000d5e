package org.zhiban.directory.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.directory.AbsenceNotice;
import org.zhiban.directory.AbsenceNoticeCommand;
import org.zhiban.directory.AbsenceNotices;
import org.zhiban.directory.ObituaryNotice;
import org.zhiban.directory.ObituaryNoticeCommand;
import org.zhiban.directory.ObituaryNotices;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "外出报备与讣告", description = "主要负责同志外出请假报备（提前量、审批、销假）和讣告信息报送；时限与条款取自报送单位适用的值班规范")
@RestController
class NoticeApi {

    private final AbsenceNotices absences;
    private final ObituaryNotices obituaries;

    NoticeApi(AbsenceNotices absences, ObituaryNotices obituaries) {
        this.absences = absences;
        this.obituaries = obituaries;
    }

    @Operation(summary = "报备本单位主要负责同志外出：答复含应报时间 dueAt、是否逾期 late 及所依条款 citation")
    @PostMapping("/api/v1/absence-notices")
    ResponseEntity<AbsenceNotice> fileAbsence(@RequestBody AbsenceNoticeCommand command) {
        AbsenceNotice notice = absences.file(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/absence-notices/" + notice.id())).body(notice);
    }

    @Operation(summary = "本单位及下级单位的外出报备（近90天内结束或尚未结束的）")
    @GetMapping("/api/v1/absence-notices")
    List<AbsenceNotice> absences(@Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId) {
        Actor actor = CurrentActor.require();
        return absences.within(actor, unitOrOwn(actor, unitId));
    }

    @Operation(summary = "外出报备详情")
    @GetMapping("/api/v1/absence-notices/{id}")
    AbsenceNotice absence(@PathVariable UUID id) {
        return absences.get(CurrentActor.require(), id);
    }

    @Operation(summary = "上级审批外出请假（适用规范要求请销假时）：approved=false 须写明理由")
    @PostMapping("/api/v1/absence-notices/{id}/decision")
    AbsenceNotice decide(@PathVariable UUID id, @RequestBody Decision decision) {
        if (decision.approved() == null) {
            throw ZhibanException.invalidField("approved", "请选择批准或不予批准");
        }
        return absences.decide(CurrentActor.require(), id, decision.approved(), decision.comment());
    }

    @Operation(summary = "销假：记录返回时间（默认当前时间）")
    @PostMapping("/api/v1/absence-notices/{id}/return")
    AbsenceNotice recordReturn(@PathVariable UUID id, @RequestBody(required = false) Return body) {
        return absences.recordReturn(CurrentActor.require(), id, body == null ? null : body.returnedAt());
    }

    @Operation(summary = "延期返回：新的返回时间及事由，报上级")
    @PostMapping("/api/v1/absence-notices/{id}/extension")
    AbsenceNotice extend(@PathVariable UUID id, @RequestBody Extension body) {
        return absences.extend(CurrentActor.require(), id, body.returnAt(), body.reason());
    }

    @Operation(summary = "报送讣告信息：答复含应报时间 dueAt（遗体送别活动前）、是否逾期 late 及所依条款 citation")
    @PostMapping("/api/v1/obituary-notices")
    ResponseEntity<ObituaryNotice> fileObituary(@RequestBody ObituaryNoticeCommand command) {
        ObituaryNotice notice = obituaries.file(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/obituary-notices/" + notice.id())).body(notice);
    }

    @Operation(summary = "本单位及下级单位近90天的讣告信息")
    @GetMapping("/api/v1/obituary-notices")
    List<ObituaryNotice> obituaries(@Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId) {
        Actor actor = CurrentActor.require();
        return obituaries.within(actor, unitOrOwn(actor, unitId));
    }

    @Operation(summary = "讣告信息详情")
    @GetMapping("/api/v1/obituary-notices/{id}")
    ObituaryNotice obituary(@PathVariable UUID id) {
        return obituaries.get(CurrentActor.require(), id);
    }

    static UUID unitOrOwn(Actor actor, UUID unitId) {
        if (unitId != null) {
            return unitId;
        }
        if (actor.unitId() == null) {
            throw ZhibanException.invalidField("unitId", "请指定单位");
        }
        return actor.unitId();
    }

    record Decision(Boolean approved, String comment) {
    }

    record Return(OffsetDateTime returnedAt) {
    }

    record Extension(OffsetDateTime returnAt, String reason) {
    }
}

package org.zhiban.dutylog.web;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.shared.CurrentActor;

@Tag(name = "值班日志", description = "值班期间的来电、去电、事件等，时间精确到分钟，按年连续编号，只增不删，更正留痕，哈希链防篡改")
@RestController
class DutyLogApi {

    private final DutyLog dutyLog;

    DutyLogApi(DutyLog dutyLog) {
        this.dutyLog = dutyLog;
    }

    @Operation(summary = "记录一条值班日志（本单位、本班次内；时间缺省为现在）；涉密事项拒收")
    @PostMapping("/api/v1/duty-log/entries")
    ResponseEntity<DutyLogEntry> record(@RequestBody EntryCommand command) {
        DutyLogEntry entry = dutyLog.record(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/duty-log/entries/" + entry.id() + "/versions")).body(entry);
    }

    @Operation(summary = "更正一条记录：生成新版本，原版本保留；须说明原因")
    @PostMapping("/api/v1/duty-log/entries/{id}/corrections")
    DutyLogEntry correct(@PathVariable UUID id, @RequestBody EntryCommand command) {
        return dutyLog.correct(CurrentActor.require(), id, command);
    }

    @Operation(summary = "一条记录的全部版本，最早的在前")
    @GetMapping("/api/v1/duty-log/entries/{id}/versions")
    List<DutyLogEntry> versions(@PathVariable UUID id) {
        return dutyLog.versions(CurrentActor.require(), id);
    }

    @Operation(summary = "单位某年的值班日志（每条记录的最新版本，按编号）")
    @GetMapping("/api/v1/duty-log/entries")
    List<DutyLogEntry> logBook(@RequestParam UUID unitId, @RequestParam int year) {
        return dutyLog.logBook(CurrentActor.require(), unitId, year);
    }

    @Operation(summary = "校验单位某年值班日志的哈希链：列出被改动、删除的记录")
    @GetMapping("/api/v1/duty-log/chain-check")
    DutyLog.ChainCheck checkChain(@RequestParam UUID unitId, @RequestParam int year) {
        return dutyLog.checkChain(CurrentActor.require(), unitId, year);
    }
}

package org.zhiban.dutylog.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhiban.dutylog.Attachment;
import org.zhiban.dutylog.Attachments;
import org.zhiban.dutylog.Upload;
import org.zhiban.dutylog.DutyLog;
import org.zhiban.dutylog.DutyLogEntry;
import org.zhiban.dutylog.EntryCommand;
import org.zhiban.dutylog.EntryKind;
import org.zhiban.dutylog.LogBook;
import org.zhiban.dutylog.LogSearch;
import org.zhiban.dutylog.LogYear;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;

@Tag(name = "值班日志", description = "值班期间的来电、去电、事件等，时间精确到分钟，按年连续编号，只增不删，更正留痕，哈希链防篡改")
@RestController
class DutyLogApi {

    private final DutyLog dutyLog;
    private final Attachments attachments;

    DutyLogApi(DutyLog dutyLog, Attachments attachments) {
        this.dutyLog = dutyLog;
        this.attachments = attachments;
    }

    @Operation(summary = "记录一条值班日志（本单位、本班次内；时间缺省为现在）；涉密事项拒收")
    @PostMapping("/api/v1/duty-log/entries")
    ResponseEntity<DutyLogEntry> record(@RequestBody EntryCommand command) {
        DutyLogEntry entry = dutyLog.record(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/duty-log/entries/" + entry.id() + "/versions")).body(entry);
    }

    @Operation(summary = "为本单位的一条记录上传附件（multipart 字段 file）：PDF、OFD、图片、Word、Excel、文本，按扩展名和内容核验，不超过 10 MB")
    @PostMapping(path = "/api/v1/duty-log/entries/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachment> attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
            @Parameter(description = "true 时为含个人信息的附件（身份证件、病历等），内容以 SM4 加密存放")
            @RequestParam(defaultValue = "false") boolean sensitive) throws IOException {
        Attachment attachment = attachments.attach(CurrentActor.require(), id, new Upload(file.getOriginalFilename(),
                file.getBytes(), sensitive));
        return ResponseEntity.created(URI.create("/api/v1/duty-log/attachments/" + attachment.id())).body(attachment);
    }

    @Operation(summary = "一条记录的附件")
    @GetMapping("/api/v1/duty-log/entries/{id}/attachments")
    List<Attachment> attachments(@PathVariable UUID id) {
        return attachments.of(CurrentActor.require(), id);
    }

    @Operation(summary = "下载附件（内容与上传时的 SHA-256 不符时拒绝）")
    @GetMapping("/api/v1/duty-log/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        Attachments.Stored stored = attachments.content(CurrentActor.require(), id);
        return Downloads.attachment(stored.attachment().fileName(), stored.attachment().contentType(), stored.content());
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

    @Operation(summary = "检索值班日志：本单位或含全部下级单位；全文（中文子串，如“暴雨”）、类别、日期范围（含两端）、来电人，最新的在前")
    @GetMapping("/api/v1/duty-log/search")
    List<DutyLogEntry> search(@Parameter(description = "单位的 id，缺省为本单位") @RequestParam(required = false) UUID unitId,
            @Parameter(description = "true 时包括全部下级单位") @RequestParam(defaultValue = "false") boolean subordinates,
            @Parameter(description = "要找的中文词句（至少两个字），在记录的各项内容中查找；或完整的来电号码") @RequestParam(required = false)
            String text,
            @Parameter(description = "记录类别") @RequestParam(required = false) EntryKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "来电人或来电单位的一部分，或完整的来电号码") @RequestParam(required = false) String caller,
            @Parameter(description = "至多返回的条数") @RequestParam(required = false) Integer limit) {
        return dutyLog.search(CurrentActor.require(), new LogSearch(unitId, subordinates, text, kind, from, to, caller,
                limit));
    }

    @Operation(summary = "单位值班记录簿的年度列表：条数、是否已归档、按值班规范应保存至的日期")
    @GetMapping("/api/v1/duty-log/years")
    List<LogYear> years(@RequestParam UUID unitId) {
        return dutyLog.years(CurrentActor.require(), unitId);
    }

    @Operation(summary = "单位某年的值班记录簿：每条记录的现行版本及其被更正的早先版本、哈希链校验结果、保存期限")
    @GetMapping("/api/v1/duty-log/books/{year}")
    LogBook book(@RequestParam UUID unitId, @PathVariable int year) {
        return dutyLog.book(CurrentActor.require(), unitId, year);
    }

    @Operation(summary = "校验单位某年值班日志的哈希链：列出被改动、删除的记录")
    @GetMapping("/api/v1/duty-log/chain-check")
    DutyLog.ChainCheck checkChain(@RequestParam UUID unitId, @RequestParam int year) {
        return dutyLog.checkChain(CurrentActor.require(), unitId, year);
    }
}

package org.zhiban.instruction.web;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhiban.instruction.InstructionFeedbackCommand;
import org.zhiban.instruction.Instruction;
import org.zhiban.instruction.InstructionCommand;
import org.zhiban.instruction.Instructions;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "领导批示", description = "领导批示的登记、转办、签收、向负责同志报告、落实反馈、退回与延期；时限取自登记单位适用的值班规范和法定工作日")
@RestController
class InstructionApi {

    private final Instructions instructions;
    private final InstructionFiles files;

    InstructionApi(Instructions instructions, InstructionFiles files) {
        this.instructions = instructions;
        this.files = files;
    }

    @Operation(summary = "登记收到的领导批示并转办：答复含本单位及每个承办单位的时限事项（dueAt、citation）")
    @PostMapping("/api/v1/instructions")
    ResponseEntity<Instruction> register(@RequestBody InstructionCommand command) {
        Instruction instruction = instructions.register(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/instructions/" + instruction.id())).body(instruction);
    }

    @Operation(summary = "批示列表：scope=own 本单位登记或承办的，scope=subtree 本单位及全部下级的（督办台账）")
    @GetMapping("/api/v1/instructions")
    List<Instruction> list(
            @Parameter(description = "own（默认）或 subtree") @RequestParam(defaultValue = "own") String scope,
            @Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId,
            @Parameter(description = "只列出尚未办结的") @RequestParam(defaultValue = "false") boolean open,
            @Parameter(description = "页码，从 0 起，每页 100 条") @RequestParam(defaultValue = "0") int page) {
        return instructions.list(CurrentActor.require(), unitId, subtree(scope), open, page);
    }

    private static boolean subtree(String scope) {
        if (!scope.equals("own") && !scope.equals("subtree")) {
            throw ZhibanException.invalidField("scope", "scope 只能是 own 或 subtree");
        }
        return scope.equals("subtree");
    }

    @Operation(summary = "导出批示台账（.xlsx）：每个承办单位一行，含办理状态、反馈时限和导出时的时限情况")
    @GetMapping("/api/v1/instructions/export")
    ResponseEntity<byte[]> export(
            @Parameter(description = "own（默认）或 subtree") @RequestParam(defaultValue = "own") String scope,
            @Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId,
            @Parameter(description = "只导出尚未办结的") @RequestParam(defaultValue = "false") boolean open) {
        return files.ledger(CurrentActor.require(), unitId, subtree(scope), open);
    }

    @Operation(summary = "承办单位的一份反馈，按书面报告的格式导出（.docx，一事一文）")
    @GetMapping("/api/v1/instructions/{id}/feedback/{feedbackId}/document")
    ResponseEntity<byte[]> reply(@Parameter(description = "批示") @PathVariable UUID id,
            @Parameter(description = "反馈") @PathVariable UUID feedbackId) {
        return files.reply(CurrentActor.require(), id, feedbackId);
    }

    @Operation(summary = "上传附件（multipart 字段 file）：登记单位上传批示原件，承办单位随反馈上传；PDF、OFD、图片、Word、Excel、文本，不超过 10 MB")
    @PostMapping(path = "/api/v1/instructions/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Instruction.InstructionAttachment> attach(@Parameter(description = "批示") @PathVariable UUID id,
            @RequestParam("file") MultipartFile file) throws IOException {
        Instruction.InstructionAttachment attached = instructions.attach(CurrentActor.require(), id,
                file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/instructions/" + id + "/attachments/" + attached.id()))
                .body(attached);
    }

    @Operation(summary = "下载批示的附件")
    @GetMapping("/api/v1/instructions/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@Parameter(description = "批示") @PathVariable UUID id,
            @Parameter(description = "附件") @PathVariable UUID attachmentId) {
        return files.attachment(CurrentActor.require(), id, attachmentId);
    }

    @Operation(summary = "批示详情，含各承办单位的状态、反馈和延期申请")
    @GetMapping("/api/v1/instructions/{id}")
    Instruction get(@Parameter(description = "批示") @PathVariable UUID id) {
        return instructions.get(CurrentActor.require(), id);
    }

    @Operation(summary = "登记单位记录本单位已向上反馈落实情况（汇总各承办单位的反馈后）")
    @PostMapping("/api/v1/instructions/{id}/upward-feedback")
    Instruction reportUp(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody UpwardFeedback body) {
        return instructions.reportUp(CurrentActor.require(), id, body.summary());
    }

    @Operation(summary = "承办单位签收")
    @PostMapping("/api/v1/instructions/{id}/signature")
    Instruction sign(@Parameter(description = "批示") @PathVariable UUID id) {
        return instructions.sign(CurrentActor.require(), id);
    }

    @Operation(summary = "承办单位记录已向本单位负责同志报告（收到后立即报告）")
    @PostMapping("/api/v1/instructions/{id}/head-report")
    Instruction reportToHead(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody HeadReport body) {
        return instructions.reportToHead(CurrentActor.require(), id, body.reportedTo(), body.reportedAt());
    }

    @Operation(summary = "承办单位将批示转下级单位办理（一个牵头单位、若干配合单位），其反馈时限早于本单位的反馈时限")
    @PostMapping("/api/v1/instructions/{id}/forwards")
    Instruction forwardDown(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody Forward body) {
        return instructions.forwardDown(CurrentActor.require(), id, body.leadUnitId(), body.supportingUnitIds());
    }

    @Operation(summary = "承办单位报送反馈：stage=INITIAL 初步落实情况（情况复杂时，提出 finalDueAt）或 FINAL 落实情况")
    @PostMapping("/api/v1/instructions/{id}/feedback")
    Instruction feedback(@Parameter(description = "批示") @PathVariable UUID id,
            @RequestBody InstructionFeedbackCommand command) {
        return instructions.feedback(CurrentActor.require(), id, command);
    }

    @Operation(summary = "转办单位审核通过某承办单位的反馈")
    @PostMapping("/api/v1/instructions/{id}/acceptances")
    Instruction accept(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody FeedbackDecision body) {
        return instructions.decide(CurrentActor.require(), id, body.unitId(), true, null);
    }

    @Operation(summary = "转办单位退回某承办单位的反馈并说明理由，反馈时限重新计算为未办结")
    @PostMapping("/api/v1/instructions/{id}/returns")
    Instruction giveBack(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody FeedbackDecision body) {
        return instructions.decide(CurrentActor.require(), id, body.unitId(), false, body.reason());
    }

    @Operation(summary = "承办单位在反馈时限前申请延期（理由、新的时间）；转办单位以 unitId 与 granted 审批")
    @PostMapping("/api/v1/instructions/{id}/extensions")
    Instruction extension(@Parameter(description = "批示") @PathVariable UUID id, @RequestBody ExtensionBody body) {
        if (body.granted() != null) {
            return instructions.decideExtension(CurrentActor.require(), id, body.unitId(), body.granted(),
                    body.reason());
        }
        return instructions.requestExtension(CurrentActor.require(), id, body.newDueAt(), body.reason());
    }

    record UpwardFeedback(String summary) {
    }

    record Forward(UUID leadUnitId, List<UUID> supportingUnitIds) {
    }

    record HeadReport(String reportedTo, OffsetDateTime reportedAt) {
    }

    record FeedbackDecision(UUID unitId, String reason) {
    }

    /** A request ({@code newDueAt}, {@code reason}) or, with {@code granted}, the forwarding office's decision. */
    record ExtensionBody(OffsetDateTime newDueAt, String reason, UUID unitId, Boolean granted) {
    }
}

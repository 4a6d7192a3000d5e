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
import org.zhiban.supervision.Consultation;
import org.zhiban.supervision.ConsultationCommand;
import org.zhiban.supervision.Consultations;
import org.zhiban.supervision.UpcomingPeriod;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "值班会商", description = "节假日、重大会议活动和重要时间节点前的值班会商：参加人员、风险隐患分析研判、向下级单位发送工作提示并由其确认收到；是否须在开始前会商及提前多久取自本单位适用的值班规范")
@RestController
class ConsultationApi {

    private final Consultations consultations;

    ConsultationApi(Consultations consultations) {
        this.consultations = consultations;
    }

    @Operation(summary = "记录值班会商：periodKey 取自近期节假日和重要时段（记录即完成该时段前应办的会商），unitIds 为接收工作提示的下级单位；涉密内容（classified=true）不得录入")
    @PostMapping("/api/v1/consultations")
    ResponseEntity<Consultation> record(@RequestBody ConsultationCommand command) {
        Consultation consultation = consultations.record(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/consultations/" + consultation.id())).body(consultation);
    }

    @Operation(summary = "本单位组织的或收到其工作提示的值班会商，按时间倒序，每页 50 条")
    @GetMapping("/api/v1/consultations")
    List<Consultation> list(@Parameter(description = "页码，从 0 起") @RequestParam(defaultValue = "0") int page) {
        return consultations.list(CurrentActor.require(), page);
    }

    @Operation(summary = "近期（45 天内）适用于本单位的节假日和重要时段，各附本单位须在其开始前完成的会商（如适用规范有此要求）和已记录的会商")
    @GetMapping("/api/v1/consultations/upcoming")
    List<UpcomingPeriod> upcoming() {
        return consultations.upcoming(CurrentActor.require());
    }

    @Operation(summary = "值班会商详情；仅收到工作提示的单位只看到工作提示和本单位的确认情况")
    @GetMapping("/api/v1/consultations/{id}")
    Consultation get(@Parameter(description = "值班会商") @PathVariable UUID id) {
        return consultations.get(CurrentActor.require(), id);
    }

    @Operation(summary = "收到工作提示的单位确认收到")
    @PostMapping("/api/v1/consultations/{id}/acknowledge")
    Consultation acknowledge(@Parameter(description = "值班会商") @PathVariable UUID id) {
        return consultations.acknowledge(CurrentActor.require(), id);
    }
}

package org.zhiban.reporting.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.obligation.ObligationView;
import org.zhiban.reporting.DailyReportCommand;
import org.zhiban.reporting.FeedbackCommand;
import org.zhiban.reporting.HolidayDay;
import org.zhiban.reporting.HolidayReports;
import org.zhiban.reporting.Incident;
import org.zhiban.reporting.IncidentCommand;
import org.zhiban.reporting.IncidentDocument;
import org.zhiban.reporting.Incidents;
import org.zhiban.reporting.LapseCommand;
import org.zhiban.reporting.ReportCommand;
import org.zhiban.reporting.ReportingLapses;
import org.zhiban.reporting.VerificationCommand;
import org.zhiban.reporting.VerificationRequest;
import org.zhiban.reporting.Verifications;
import org.zhiban.shared.CurrentActor;

@Tag(name = "信息报送", description = "突发事件首报、续报、终报（电话/书面），按本单位值班规范计时；上级签收；调度核实；漏报瞒报谎报认定；节假日日报告、零报告")
@RestController
class ReportingApi {

    private static final int LIST_LIMIT = 100;

    private final Incidents incidents;
    private final Verifications verifications;
    private final ReportingLapses lapses;
    private final HolidayReports holidayReports;

    ReportingApi(Incidents incidents, Verifications verifications, ReportingLapses lapses,
            HolidayReports holidayReports) {
        this.incidents = incidents;
        this.verifications = verifications;
        this.lapses = lapses;
        this.holidayReports = holidayReports;
    }

    @Operation(summary = "登记本单位的突发事件，按本单位值班规范从接报时间起开启报告时限（电话、书面）")
    @PostMapping("/api/v1/incidents")
    ResponseEntity<Incident> register(@RequestBody IncidentCommand command) {
        Incident incident = incidents.register(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(incident);
    }

    @Operation(summary = "近 30 天的事件：scope=own 本单位报送的，scope=received 下级报来的（含越级直报）")
    @GetMapping("/api/v1/incidents")
    List<Incident> list(@Parameter(description = "own：本单位报送的；received：下级报来的，含越级直报")
            @RequestParam(defaultValue = "own") String scope) {
        return "received".equals(scope) ? incidents.received(CurrentActor.require(), LIST_LIMIT)
                : incidents.ofOwnUnit(CurrentActor.require(), LIST_LIMIT);
    }

    @Operation(summary = "待本单位签收的书面报告所属事件")
    @GetMapping("/api/v1/incidents/awaiting-signature")
    List<Incident> awaitingSignature() {
        return incidents.awaitingSignature(CurrentActor.require());
    }

    @Operation(summary = "一个事件及其报告链和时限")
    @GetMapping("/api/v1/incidents/{id}")
    Incident get(@PathVariable UUID id) {
        return incidents.get(CurrentActor.require(), id);
    }

    @Operation(summary = "报送首报、续报或终报（电话须写明上级接报人）；相应时限随之办结，终报关闭报告链")
    @PostMapping("/api/v1/incidents/{id}/reports")
    ResponseEntity<Incident> file(@PathVariable UUID id, @RequestBody ReportCommand command) {
        return ResponseEntity.status(201).body(incidents.file(CurrentActor.require(), id, command));
    }

    @Operation(summary = "上级值班室签收一份书面报告")
    @PostMapping("/api/v1/incidents/{id}/reports/{reportId}/receipt")
    Incident sign(@PathVariable UUID id, @Parameter(description = "书面报告的 id") @PathVariable UUID reportId) {
        return incidents.sign(CurrentActor.require(), id, reportId);
    }

    @Operation(summary = "事件报告链导出为 Word 信息报送单")
    @GetMapping("/api/v1/incidents/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return IncidentDocument.download(incidents.get(CurrentActor.require(), id));
    }

    @Operation(summary = "向下级单位发出调度核实要求；各单位按各自值班规范开启电话、书面反馈时限，自发出时起算")
    @PostMapping("/api/v1/verification-requests")
    ResponseEntity<VerificationRequest> request(@RequestBody VerificationCommand command) {
        VerificationRequest request = verifications.send(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/verification-requests/" + request.id())).body(request);
    }

    @Operation(summary = "近 30 天的核实要求：scope=sent 本单位发出的，scope=received 发给本单位的")
    @GetMapping("/api/v1/verification-requests")
    List<VerificationRequest> requests(@Parameter(description = "sent：本单位发出的；received：发给本单位的")
            @RequestParam(defaultValue = "received") String scope) {
        return "sent".equals(scope) ? verifications.sent(CurrentActor.require(), LIST_LIMIT)
                : verifications.received(CurrentActor.require(), LIST_LIMIT);
    }

    @Operation(summary = "一个核实要求；核实对象只看到本单位的反馈")
    @GetMapping("/api/v1/verification-requests/{id}")
    VerificationRequest verification(@PathVariable UUID id) {
        return verifications.get(CurrentActor.require(), id);
    }

    @Operation(summary = "核实对象电话或书面反馈（各一次）")
    @PostMapping("/api/v1/verification-requests/{id}/feedback")
    VerificationRequest answer(@PathVariable UUID id, @RequestBody FeedbackCommand command) {
        return verifications.answer(CurrentActor.require(), id, command);
    }

    @Operation(summary = "上级认定下级单位漏报、瞒报或谎报，计入时效台账")
    @PostMapping("/api/v1/reporting-lapses")
    ResponseEntity<ObligationView> lapse(@RequestBody LapseCommand command) {
        return ResponseEntity.status(201).body(lapses.record(CurrentActor.require(), command));
    }

    @Operation(summary = "近 90 天对下级单位的认定")
    @GetMapping("/api/v1/reporting-lapses")
    List<ObligationView> lapses() {
        return lapses.recordedBelow(CurrentActor.require(), LIST_LIMIT);
    }

    @Operation(summary = "报送节假日日报告（nil=true 为零报告）或最后一天的假期综合情况")
    @PostMapping("/api/v1/daily-reports")
    ResponseEntity<HolidayDay> daily(@RequestBody DailyReportCommand command) {
        return ResponseEntity.status(201).body(holidayReports.file(CurrentActor.require(), command));
    }

    @Operation(summary = "本单位今天的节假日报告：应报事项与已报内容")
    @GetMapping("/api/v1/daily-reports/today")
    HolidayDay today() {
        return holidayReports.today(CurrentActor.require());
    }

    @Operation(summary = "直属下级单位某日的节假日报告情况")
    @GetMapping("/api/v1/daily-reports/subordinates")
    List<HolidayDay> subordinates(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return holidayReports.subordinates(CurrentActor.require(), day);
    }
}

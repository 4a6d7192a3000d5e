package org.zhiban.roster.web;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.DutyStaffMember;
import org.zhiban.roster.OnDuty;
import org.zhiban.roster.Roster;
import org.zhiban.roster.RosterSpreadsheets;
import org.zhiban.roster.Rosters;
import org.zhiban.roster.ShiftPatterns;
import org.zhiban.roster.SolveProgress;
import org.zhiban.roster.Violation;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.ZhibanException;

@Tag(name = "值班表", description = "排班、规则检查（附条款）、自动排班、发布；值班人员；当前在岗")
@RestController
class RosterApi {

    private static final String AT = "时刻，带时区的 ISO-8601 时间；缺省为现在";

    private final Rosters rosters;
    private final DutyStaff staff;
    private final OnDuty onDuty;
    private final ShiftPatterns patterns;
    private final RosterSpreadsheets spreadsheets;
    private final UnitTree unitTree;
    private final java.time.Clock clock;

    RosterApi(Rosters rosters, DutyStaff staff, OnDuty onDuty, ShiftPatterns patterns, RosterSpreadsheets spreadsheets,
            UnitTree unitTree, java.time.Clock clock) {
        this.rosters = rosters;
        this.patterns = patterns;
        this.spreadsheets = spreadsheets;
        this.unitTree = unitTree;
        this.staff = staff;
        this.onDuty = onDuty;
        this.clock = clock;
    }

    @Operation(summary = "当前（或 at 时刻）在岗：一单位一号、班次、带班领导、值班员；reveal=true 显示完整手机号（记入审计）")
    @GetMapping("/api/v1/units/{id}/on-duty")
    OnDuty.View onDuty(@PathVariable UUID id, @Parameter(description = AT) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at,
            @Parameter(description = "true 时显示完整手机号，记入审计日志") @RequestParam(defaultValue = "false") boolean reveal) {
        return onDuty.of(CurrentActor.require(), id, at == null ? clock.instant()
                : AcceptedDates.requireInstant("at", at, clock), reveal);
    }

    @Operation(summary = "全部下级单位的当前在岗情况；shift 为空表示无人排班")
    @GetMapping("/api/v1/units/{id}/on-duty/subordinates")
    List<OnDuty.View> onDutyBelow(@PathVariable UUID id, @Parameter(description = AT) @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at) {
        return onDuty.below(CurrentActor.require(), id, at == null ? clock.instant()
                : AcceptedDates.requireInstant("at", at, clock));
    }

    @Operation(summary = "单位某月的值班表（month 形如 2026-12）")
    @GetMapping("/api/v1/units/{id}/rosters/{month}")
    Roster roster(@PathVariable UUID id, @PathVariable String month) {
        LocalDate first = month(month, clock);
        return rosters.find(CurrentActor.require(), id, first).orElseThrow(() -> ZhibanException.notFound(
                "ROSTER_NOT_FOUND", "该月值班表尚未生成"));
    }

    @Operation(summary = "导出某月值班表为 Excel（.xlsx，张贴打印的格式）")
    @GetMapping("/api/v1/units/{id}/rosters/{month}/xlsx")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @PathVariable String month) {
        YearMonth shown = YearMonth.from(month(month, clock));
        return Downloads.xlsx(unitTree.find(id).map(Unit::name).orElse("值班表") + "-" + shown.getYear() + "年"
                + shown.getMonthValue() + "月值班表.xlsx", spreadsheets.export(CurrentActor.require(), id, shown));
    }

    @Operation(summary = "从 Excel 导入某月值班表（导出的格式）：逐行检查，任一行有误则整表不导入并列出各行错误")
    @PostMapping(path = "/api/v1/units/{id}/rosters/{month}/xlsx", consumes = { Downloads.XLSX,
            "application/octet-stream" })
    RosterSpreadsheets.ImportResult importSheet(@PathVariable UUID id, @PathVariable String month,
            @RequestBody byte[] content) {
        return spreadsheets.importSheet(CurrentActor.require(), id, YearMonth.from(month(month, clock)),
                new java.io.ByteArrayInputStream(content));
    }

    @Operation(summary = "按本单位的班次设置生成某月值班表（岗位均为空）")
    @PostMapping("/api/v1/units/{id}/rosters")
    ResponseEntity<Roster> create(@PathVariable UUID id, @Valid @RequestBody MonthRequest request) {
        Roster roster = rosters.create(CurrentActor.require(), id, month(request.month(), clock));
        return ResponseEntity.created(URI.create("/api/v1/rosters/" + roster.id())).body(roster);
    }

    @Operation(summary = "一份值班表：各班次及其岗位上的人")
    @GetMapping("/api/v1/rosters/{id}")
    Roster get(@PathVariable UUID id) {
        return rosters.get(CurrentActor.require(), id);
    }

    @Operation(summary = "检查值班表：每项违规附所依据的条款；hard 为阻止发布的硬性规定")
    @GetMapping("/api/v1/rosters/{id}/violations")
    List<Violation> violations(@PathVariable UUID id) {
        return rosters.check(CurrentActor.require(), id);
    }

    @Operation(summary = "手工安排或清空一个岗位（personId 为空即清空）；自动排班不改动手工安排")
    @PutMapping("/api/v1/roster-slots/{slotId}")
    Roster assign(@Parameter(description = "岗位的 id（值班表中 positions 的 slotId）") @PathVariable UUID slotId,
            @RequestBody SlotAssignment request) {
        return rosters.assign(CurrentActor.require(), slotId, request.personId());
    }

    @Operation(summary = "开始自动排班（保留手工安排），返回进度")
    @PostMapping("/api/v1/rosters/{id}/solving")
    SolveProgress solve(@PathVariable UUID id) {
        return rosters.startSolving(CurrentActor.require(), id);
    }

    @Operation(summary = "自动排班进度：违规数、空岗数、不均衡度、已用时间")
    @GetMapping("/api/v1/rosters/{id}/solving")
    SolveProgress progress(@PathVariable UUID id) {
        return rosters.progress(CurrentActor.require(), id).orElseThrow(() -> ZhibanException.notFound("NOT_SOLVING",
                "该值班表没有进行中的自动排班"));
    }

    @Operation(summary = "停止自动排班，保留目前最好的结果")
    @DeleteMapping("/api/v1/rosters/{id}/solving")
    ResponseEntity<Void> stop(@PathVariable UUID id) {
        rosters.stopSolving(CurrentActor.require(), id);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "为本单位及全部下级单位同时排某月值班表（带班领导跨单位共享时不冲突），等待结果")
    @PostMapping("/api/v1/units/{id}/rosters/{month}/subtree-solving")
    Rosters.SubtreeResult solveSubtree(@PathVariable UUID id, @PathVariable String month,
            @Parameter(description = "排班的时限，1 至 300 秒") @RequestParam(defaultValue = "55") int seconds) {
        if (seconds < 1 || seconds > 300) {
            throw ZhibanException.invalidField("seconds", "时限应在 1 至 300 秒之间");
        }
        return rosters.solveSubtree(CurrentActor.require(), id, month(month, clock), Duration.ofSeconds(seconds),
                Duration.ofSeconds(Math.max(1, seconds / 6)));
    }

    @Operation(summary = "只排一段日期（如一个节假日，最多31天），其余日期不变；跨月时两个月的草稿一并排，等待结果")
    @PostMapping("/api/v1/units/{id}/period-solving")
    Rosters.SubtreeResult solvePeriod(@PathVariable UUID id, @RequestBody Period period) {
        return rosters.solvePeriod(CurrentActor.require(), id, period.firstDay(), period.lastDay());
    }

    record Period(LocalDate firstDay, LocalDate lastDay) {
    }

    @Operation(summary = "发布值班表；有硬性违规时拒绝并列出")
    @PostMapping("/api/v1/rosters/{id}/publication")
    Roster publish(@PathVariable UUID id) {
        return rosters.publish(CurrentActor.require(), id);
    }

    @Operation(summary = "撤回为草稿")
    @DeleteMapping("/api/v1/rosters/{id}/publication")
    Roster reopen(@PathVariable UUID id) {
        return rosters.reopen(CurrentActor.require(), id);
    }

    @Operation(summary = "单位的班次设置：每天的班次（名称、开始时间、时长、值班员人数）")
    @GetMapping("/api/v1/units/{id}/shift-pattern")
    PatternBody pattern(@PathVariable UUID id) {
        return new PatternBody(patterns.of(CurrentActor.require(), id));
    }

    @Operation(summary = "设置班次：首尾相接、合计24小时，每班不短于政策规定；此后生成的月份适用")
    @PutMapping("/api/v1/units/{id}/shift-pattern")
    PatternBody setPattern(@PathVariable UUID id, @RequestBody PatternBody request) {
        return new PatternBody(patterns.replace(CurrentActor.require(), id, request.shifts()));
    }

    @Operation(summary = "单位值班人员的请假与不能值班登记（近一个月起）")
    @GetMapping("/api/v1/units/{id}/duty-unavailability")
    List<DutyStaff.Unavailability> unavailability(@PathVariable UUID id) {
        return staff.unavailability(CurrentActor.require(), id);
    }

    @Operation(summary = "单位的值班人员（带班领导、值班员；是否兼职；岗前培训日期）")
    @GetMapping("/api/v1/units/{id}/duty-staff")
    List<DutyStaffMember> staff(@PathVariable UUID id) {
        return staff.of(CurrentActor.require(), id);
    }

    @Operation(summary = "把本单位的一人列为值班人员（或修改）：带班领导或值班员、是否兼职、岗前培训日期")
    @PutMapping("/api/v1/duty-staff/{personId}")
    DutyStaffMember putStaff(@PathVariable UUID personId, @Valid @RequestBody StaffRequest request) {
        return staff.put(CurrentActor.require(), personId, request.role(), Boolean.TRUE.equals(request.partTime()),
                request.trainedOn());
    }

    @Operation(summary = "不再列为值班人员")
    @DeleteMapping("/api/v1/duty-staff/{personId}")
    ResponseEntity<Void> removeStaff(@PathVariable UUID personId) {
        staff.remove(CurrentActor.require(), personId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "登记请假或不能值班的日期；已发布值班表中落在这些日期的班次列于 shiftsToSwap，须由本人调班")
    @PostMapping("/api/v1/duty-staff/{personId}/unavailability")
    ResponseEntity<DutyStaff.LeaveRecorded> unavailable(@PathVariable UUID personId,
            @Valid @RequestBody UnavailabilityRequest request) {
        DutyStaff.LeaveRecorded recorded = staff.markUnavailable(CurrentActor.require(), personId, request.firstDay(),
                request.lastDay(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/duty-unavailability/" + recorded.id())).body(recorded);
    }

    @Operation(summary = "撤销一项请假或不能值班的登记")
    @DeleteMapping("/api/v1/duty-unavailability/{id}")
    ResponseEntity<Void> available(@PathVariable UUID id) {
        staff.removeUnavailability(CurrentActor.require(), id);
        return ResponseEntity.noContent().build();
    }

    static LocalDate month(String month, java.time.Clock clock) {
        try {
            return AcceptedDates.requireMonth("month", YearMonth.parse(month), clock).atDay(1);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw ZhibanException.invalidField("month", "月份格式应为 YYYY-MM，如 2026-12");
        }
    }

    record MonthRequest(@NotBlank(message = "请指定月份，如 2026-12") String month) {
    }

    record PatternBody(List<ShiftPatterns.ShiftDefinition> shifts) {
    }

    record SlotAssignment(UUID personId) {
    }

    record StaffRequest(@NotNull(message = "请选择值班岗位：LEADER 或 OFFICER") DutyRole role, Boolean partTime,
            LocalDate trainedOn) {
    }

    record UnavailabilityRequest(@NotNull(message = "请填写开始日期") LocalDate firstDay,
            @NotNull(message = "请填写结束日期") LocalDate lastDay,
            @NotBlank(message = "请填写原因") @Size(max = 200, message = "原因不超过200个字") String reason) {
    }
}

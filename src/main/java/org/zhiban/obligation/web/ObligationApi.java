package org.zhiban.obligation.web;

import java.net.URI;
import java.time.OffsetDateTime;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.obligation.Obligation;
import org.zhiban.obligation.ObligationDesk;
import org.zhiban.obligation.Obligations;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.ObligationView;
import org.zhiban.obligation.SubordinateSummary;
import org.zhiban.obligation.TimelinessLedger;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Page;
import org.zhiban.shared.ZhibanException;

@Tag(name = "时限事项", description = "各项时限：提醒、逾期、上报升级；及时率台账")
@RestController
@RequestMapping("/api/v1/obligations")
class ObligationApi {

    private final ObligationDesk desk;
    private final Obligations obligations;

    ObligationApi(ObligationDesk desk, Obligations obligations) {
        this.desk = desk;
        this.obligations = obligations;
    }

    @Operation(summary = "单位的时限事项，分页（subtree=true 含下级）；status 取 OPEN/FULFILLED/WAIVED/BREACHED，kind 为事项类别；"
            + "未办结的在前、先到期的在前")
    @GetMapping
    PageView<ObligationView> list(@RequestParam UUID unitId,
            @Parameter(description = "状态") @RequestParam(required = false) ObligationStatus status,
            @Parameter(description = "事项类别代码，如 PHONE_REPORT、ASSIGNED_TASK（即事项的 kind）") @RequestParam(required = false)
            String kind, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(desk.page(CurrentActor.require(), unitId, status, kind, subtree, page, size).map(this::view));
    }

    @Operation(summary = "下级单位时限事项汇总：按直属下级单位（含其全部下级）统计待办、一小时内到期、逾期、本月迟办，逾期多的在前，分页；"
            + "跨多个层级时另按层级汇总")
    @GetMapping("/subordinates")
    SubordinateSummaryView subordinates(@RequestParam UUID unitId, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int size) {
        SubordinateSummary summary = desk.subordinates(CurrentActor.require(), unitId, page, size);
        return new SubordinateSummaryView(summary.total(), PageView.of(summary.rows()), summary.quiet(),
                summary.levels());
    }

    @Operation(summary = "一项时限事项：截止时间、状态、是否逾期、迟办时长、依据条款")
    @GetMapping("/{id}")
    ObligationView get(@PathVariable UUID id) {
        return view(desk.get(CurrentActor.require(), id));
    }

    @Operation(summary = "交办事项：给本单位或下级单位开启一项有截止时间的任务")
    @PostMapping
    ResponseEntity<ObligationView> assign(@Valid @RequestBody TaskAssignment request) {
        Obligation obligation = desk.assign(CurrentActor.require(), request.unitId(), request.kind(), request.title(),
                request.dueAt().toInstant(), request.citation());
        return ResponseEntity.created(URI.create("/api/v1/obligations/" + obligation.id())).body(view(obligation));
    }

    @Operation(summary = "办结交办事项（逾期办结记录迟办时长）")
    @PostMapping("/{id}/fulfilment")
    ObligationView fulfil(@PathVariable UUID id) {
        return view(desk.fulfil(CurrentActor.require(), id));
    }

    @Operation(summary = "上级免除时限事项，须说明理由")
    @PostMapping("/{id}/waiver")
    ObligationView waive(@PathVariable UUID id, @Valid @RequestBody WaiverRequest request) {
        return view(desk.waive(CurrentActor.require(), id, request.reason()));
    }

    @Operation(summary = "及时率台账：按单位统计期内到期、按时办结、逾期办结、逾期未办及平均/最长迟办时长；"
            + "per=subordinate 时按直属下级单位（含其全部下级）汇总")
    @GetMapping("/ledger")
    List<LedgerView> ledger(@RequestParam UUID unitId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "true") boolean subtree,
            @Parameter(description = "unit：每单位一行；subordinate：每个直属下级单位（含其全部下级）一行")
            @RequestParam(defaultValue = "unit") String per) {
        // A row stands for one unit, or for one direct subordinate with everything below it.
        if (!per.equals("unit") && !per.equals("subordinate")) {
            throw ZhibanException.invalidField("per", "per 取 unit（按单位）或 subordinate（按直属下级单位汇总）");
        }
        return desk.ledger(CurrentActor.require(), unitId, from.toInstant(), to.toInstant(), subtree,
                per.equals("subordinate")).stream().map(LedgerView::of).toList();
    }

    record PageView<T>(List<T> items, long total, int page, int size, int pages) {

        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.items(), page.total(), page.page(), page.size(), page.pages());
        }
    }

    record SubordinateSummaryView(SubordinateSummary.Counts total, PageView<SubordinateSummary.Row> rows, int quiet,
            List<SubordinateSummary.LevelRow> levels) {
    }

    private ObligationView view(Obligation obligation) {
        return obligations.view(obligation);
    }

    record TaskAssignment(@NotNull(message = "请指定承办单位") UUID unitId,
            @NotBlank(message = "请指定事项类别") String kind,
            @NotBlank(message = "请填写事项名称") @Size(max = 200, message = "事项名称不超过200个字") String title,
            @NotNull(message = "请填写截止时间") OffsetDateTime dueAt,
            @Size(max = 200, message = "依据不超过200个字") String citation) {
    }

    record WaiverRequest(@NotBlank(message = "请说明免除的理由") @Size(max = 500, message = "理由不超过500个字") String reason) {
    }

    record LedgerView(UUID unitId, long due, long onTime, long late, long openOverdue, long waived, long breached,
            double onTimeRate,
            String meanLateness, String maxLateness) {

        static LedgerView of(TimelinessLedger.Entry e) {
            return new LedgerView(e.unitId(), e.due(), e.onTime(), e.late(), e.openOverdue(), e.waived(), e.breached(),
                    e.onTimeRate(), e.meanLateness() == null ? null : e.meanLateness().toString(),
                    e.maxLateness() == null ? null : e.maxLateness().toString());
        }
    }
}

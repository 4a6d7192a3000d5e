package org.zhiban.roster.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.roster.HolidayFiling;
import org.zhiban.roster.HolidayFilings;
import org.zhiban.shared.CurrentActor;

@Tag(name = "节假日值班表报备", description = "节前按规定时限向上级值班室报备节假日值班安排；上级查看各下级已报、逾期、未报")
@RestController
class FilingApi {

    private final HolidayFilings filings;

    FilingApi(HolidayFilings filings) {
        this.filings = filings;
    }

    @Operation(summary = "本单位的节假日值班表报备（近一个月起，及今后三个月尚未报备的节假日）")
    @GetMapping("/api/v1/units/{id}/holiday-filings")
    List<HolidayFiling> ofUnit(@PathVariable UUID id) {
        return filings.ofUnit(CurrentActor.require(), id);
    }

    @Operation(summary = "报备（或变更后重新报备）某节假日的值班安排：holiday 为节假日第一天；值班表须已发布、无硬性违规")
    @PostMapping("/api/v1/units/{id}/holiday-filings")
    HolidayFiling file(@PathVariable UUID id, @RequestBody FileRequest request) {
        return filings.file(CurrentActor.require(), id, request.holiday());
    }

    @Operation(summary = "上级查看各下级单位某节假日的报备情况：MISSING 逾期未报、LATE 逾期报备、PENDING 待报备、FILED 按时报备")
    @GetMapping("/api/v1/units/{id}/holiday-filings/subordinates")
    List<HolidayFiling> subordinates(@PathVariable UUID id,
            @Parameter(description = "节假日的第一天，YYYY-MM-DD") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate holiday) {
        return filings.toSuperior(CurrentActor.require(), id, holiday);
    }

    record FileRequest(LocalDate holiday) {
    }
}

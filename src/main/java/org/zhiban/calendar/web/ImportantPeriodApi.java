package org.zhiban.calendar.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.calendar.ImportantPeriod;
import org.zhiban.calendar.ImportantPeriodCommand;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.organization.Units;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

@Tag(name = "重要时段", description = "单位为本级及下级设定的重要时段；法定节假日默认计入")
@RestController
class ImportantPeriodApi {

    private final ImportantPeriods periods;
    private final Units units;
    private final java.time.Clock clock;

    ImportantPeriodApi(ImportantPeriods periods, Units units, java.time.Clock clock) {
        this.periods = periods;
        this.units = units;
        this.clock = clock;
    }

    @Operation(summary = "适用于单位的重要时段（本级、上级设定的，以及法定节假日）")
    @GetMapping("/api/v1/units/{id}/important-periods")
    List<ImportantPeriod> applying(@PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        units.get(CurrentActor.require(), id);
        AcceptedDates.requireInstant("from", from, clock);
        AcceptedDates.requireInstant("to", to, clock);
        if (!to.isAfter(from) || java.time.Duration.between(from, to).toDays() > 400) {
            throw ZhibanException.invalidField("to", "查询区间应为 from 之后、不超过 400 天");
        }
        return periods.applying(id, from.toInstant(), to.toInstant());
    }

    @Operation(summary = "为本单位及下级设定重要时段")
    @PostMapping("/api/v1/units/{id}/important-periods")
    ResponseEntity<ImportantPeriod> declare(@PathVariable UUID id, @Valid @RequestBody ImportantPeriodCommand command) {
        ImportantPeriod period = periods.declare(CurrentActor.require(), id, command);
        return ResponseEntity.created(URI.create("/api/v1/important-periods/" + period.id())).body(period);
    }

    @Operation(summary = "撤销重要时段")
    @DeleteMapping("/api/v1/important-periods/{periodId}")
    ResponseEntity<Void> withdraw(@Parameter(description = "重要时段的 id") @PathVariable UUID periodId) {
        periods.withdraw(CurrentActor.require(), periodId);
        return ResponseEntity.noContent().build();
    }
}

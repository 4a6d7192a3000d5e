package org.zhiban.calendar;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A unit declares an important period for itself and its subordinates. */
public record ImportantPeriodCommand(
        @NotBlank(message = "请填写时段名称，如“全国两会期间”") @Size(max = 100, message = "名称不超过100个字") String name,
        @NotNull(message = "请填写开始时间") OffsetDateTime startsAt,
        @NotNull(message = "请填写结束时间") OffsetDateTime endsAt,
        @Size(max = 500, message = "说明不超过500个字") String note) {
}

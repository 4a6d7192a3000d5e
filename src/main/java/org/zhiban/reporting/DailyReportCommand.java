package org.zhiban.reporting;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A holiday daily report ({@code kind} DAILY) or the holiday summary (SUMMARY) for {@code day} (default today).
 * {@code nil} true files a nil report (零报告): nothing to report that day, no content needed.
 */
public record DailyReportCommand(
        @Schema(allowableValues = { HolidayReports.DAILY, HolidayReports.SUMMARY }) String kind, LocalDate day,
        Boolean nil, String content, Boolean classified) {
}

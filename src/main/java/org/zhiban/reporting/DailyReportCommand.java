package org.zhiban.reporting;

import java.time.LocalDate;

/**
 * A holiday daily report ({@code kind} DAILY) or the holiday summary (SUMMARY) for {@code day} (default today).
 * {@code nil} true files a nil report (零报告): nothing to report that day, no content needed.
 */
public record DailyReportCommand(String kind, LocalDate day, Boolean nil, String content, Boolean classified) {
}

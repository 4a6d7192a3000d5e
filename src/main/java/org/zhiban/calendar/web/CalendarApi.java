package org.zhiban.calendar.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.calendar.CalendarDay;
import org.zhiban.calendar.HolidayNotice;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

@Tag(name = "工作日历", description = "法定节假日、调休上班日与工作日计算")
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final WorkingCalendar calendar;
    private final java.time.Clock clock;

    CalendarApi(WorkingCalendar calendar, java.time.Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Operation(summary = "某一天：是否工作日、类别（WORKDAY/WEEKEND/HOLIDAY/MAKEUP_WORKDAY）、节日名称、是否为推算（当年通知未载入）")
    @GetMapping("/days/{date}")
    CalendarDay day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return calendar.day(AcceptedDates.requireDate("date", date, clock));
    }

    @Operation(summary = "from 之后第 days 个工作日（from 当天不计），days 取 1–366")
    @GetMapping("/working-days")
    WorkingDays workingDays(@Parameter(description = "起算日期，YYYY-MM-DD（当天不计）") @RequestParam
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "工作日数") @RequestParam int days) {
        AcceptedDates.requireDate("from", from, clock);
        return new WorkingDays(from, days, calendar.workingDaysAfter(from, days));
    }

    @Operation(summary = "某年的节假日（连续放假的日期段）")
    @GetMapping("/years/{year}/holidays")
    List<HolidayPeriod> holidays(@PathVariable int year) {
        requireYear(year);
        return calendar.holidays(year);
    }

    @Operation(summary = "某年的节假日安排通知原文（未载入时 404）")
    @GetMapping("/years/{year}")
    NoticeView notice(@PathVariable int year) {
        requireYear(year);
        return calendar.notice(year)
                .map(n -> new NoticeView(n.year(), n.title(), n.sourceText(), n.loadedBy()))
                .orElseThrow(() -> ZhibanException.notFound("NOTICE_NOT_LOADED",
                        year + " 年的节假日安排通知尚未载入，目前按法定节假日推算"));
    }

    @Operation(summary = "载入或更正某年的节假日安排通知（系统管理员）")
    @PutMapping("/years/{year}")
    NoticeView load(@PathVariable int year, @Valid @RequestBody NoticeRequest request) {
        HolidayNotice notice = calendar.loadNotice(CurrentActor.require(), year, request.text());
        return new NoticeView(notice.year(), notice.title(), notice.sourceText(), CurrentActor.require().username());
    }

    private void requireYear(int year) {
        AcceptedDates.requireYear("year", year, clock);
    }

    record WorkingDays(LocalDate from, int days, LocalDate date) {
    }

    record NoticeRequest(@NotBlank(message = "请填写通知内容") String text) {
    }

    record NoticeView(int year, String title, String text, String loadedBy) {
    }
}

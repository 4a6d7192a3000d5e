package org.zhiban.calendar.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.calendar.CalendarDay;
import org.zhiban.calendar.ImportantPeriodCommand;
import org.zhiban.calendar.ImportantPeriods;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.shared.AcceptedDates;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/** The year calendar, the page to load a year's notice, and the important periods of one's unit. */
@Controller
class CalendarController {

    private final WorkingCalendar calendar;
    private final ImportantPeriods periods;
    private final Units units;
    private final java.time.Clock clock;

    CalendarController(WorkingCalendar calendar, ImportantPeriods periods, Units units, java.time.Clock clock) {
        this.calendar = calendar;
        this.periods = periods;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock.withZone(Zones.CHINA)).getYear()
                : AcceptedDates.requireYear("year", year, clock);
        model.addAttribute("year", shown);
        model.addAttribute("months", months(shown));
        model.addAttribute("holidays", calendar.holidays(shown));
        model.addAttribute("noticeLoaded", calendar.isNoticeLoaded(shown));
        model.addAttribute("loadedNotice", calendar.notice(shown).orElse(null));
        model.addAttribute("today", LocalDate.now(clock.withZone(Zones.CHINA)));
        return "calendar/year";
    }

    @GetMapping("/calendar/years/{year}/edit")
    String editNotice(@PathVariable int year, Model model) {
        AcceptedDates.requireYear("year", year, clock);
        model.addAttribute("year", year);
        model.addAttribute("form", new NoticeForm(calendar.notice(year).map(n -> n.sourceText())
                .orElse("title = 国务院办公厅关于" + year + "年部分节假日安排的通知\n元旦 off " + year + "-01-01\n")));
        return "calendar/notice-form";
    }

    @PostMapping("/calendar/years/{year}")
    String loadNotice(@PathVariable int year, @ModelAttribute("form") NoticeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            calendar.loadNotice(CurrentActor.require(), year, form.text());
            redirect.addFlashAttribute("notice", year + " 年节假日安排已载入");
            return "redirect:/calendar?year=" + year;
        }).orElseGet(() -> {
            model.addAttribute("year", year);
            return "calendar/notice-form";
        });
    }

    @GetMapping("/calendar/important-periods")
    String importantPeriods(@RequestParam(required = false) UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unitId != null ? units.get(actor, unitId) : units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
        Instant from = LocalDate.now(clock.withZone(Zones.CHINA)).atStartOfDay(Zones.CHINA).toInstant();
        model.addAttribute("unit", unit);
        model.addAttribute("periods", periods.applying(unit.id(), from, from.plus(Duration.ofDays(366))));
        model.addAttribute("holidaysImportant", periods.statutoryHolidaysImportant(unit.id()));
        model.addAttribute("canManage", units.canManageDutyWork(actor, unit.id()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ImportantPeriodCommand(null, null, null, null));
        }
        return "calendar/important-periods";
    }

    @PostMapping("/calendar/important-periods")
    String declare(@RequestParam UUID unitId, @Valid @ModelAttribute("form") ImportantPeriodCommand form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            periods.declare(CurrentActor.require(), unitId, form);
            redirect.addFlashAttribute("notice", "已设定重要时段“" + form.name() + "”");
            return "redirect:/calendar/important-periods?unitId=" + unitId;
        }).orElseGet(() -> importantPeriods(unitId, model));
    }

    @PostMapping("/calendar/important-periods/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, @RequestParam UUID unitId, RedirectAttributes redirect) {
        periods.withdraw(CurrentActor.require(), id);
        redirect.addFlashAttribute("notice", "已撤销重要时段");
        return "redirect:/calendar/important-periods?unitId=" + unitId;
    }

    @PostMapping("/calendar/important-periods/holidays")
    String holidaysImportant(@RequestParam UUID unitId, @RequestParam boolean important, RedirectAttributes redirect) {
        periods.setStatutoryHolidaysImportant(CurrentActor.require(), unitId, important);
        redirect.addFlashAttribute("notice", important ? "法定节假日将计为重要时段" : "法定节假日不再计为重要时段");
        return "redirect:/calendar/important-periods?unitId=" + unitId;
    }

    /** The year as months of weeks (Monday first), days outside the month left empty. */
    private List<Month> months(int year) {
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            List<List<CalendarDay>> weeks = new ArrayList<>();
            List<CalendarDay> week = new ArrayList<>();
            int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
            for (int i = 0; i < lead; i++) {
                week.add(null);
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                week.add(calendar.day(month.atDay(d)));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }

    record Month(int number, List<List<CalendarDay>> weeks) {
    }

    record NoticeForm(String text) {
    }
}

package org.zhiban.roster.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.calendar.CalendarDay;
import org.zhiban.calendar.WorkingCalendar;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.OnDuty;
import org.zhiban.roster.Roster;
import org.zhiban.roster.RosterSpreadsheets;
import org.zhiban.roster.RosterRule;
import org.zhiban.roster.Rosters;
import org.zhiban.roster.SolveProgress;
import org.zhiban.roster.Violation;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.Page;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * The roster page: a month grid of one unit, assigning by click or by dragging a name onto a position, the rules
 * it breaks with their articles, automatic filling with live progress, and publishing. Also who is on duty now.
 */
@Controller
class RosterController {

    /** Direct subordinates per page of 在岗情况, and how many of the uncovered units below it are named there. */
    static final int ON_DUTY_PAGE = 50;

    private final Rosters rosters;
    private final DutyStaff staff;
    private final OnDuty onDuty;
    private final Units units;
    private final WorkingCalendar calendar;
    private final RosterSpreadsheets spreadsheets;
    private final Clock clock;

    RosterController(Rosters rosters, DutyStaff staff, OnDuty onDuty, Units units, WorkingCalendar calendar,
            RosterSpreadsheets spreadsheets, Clock clock) {
        this.spreadsheets = spreadsheets;
        this.rosters = rosters;
        this.staff = staff;
        this.onDuty = onDuty;
        this.units = units;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/roster")
    String month(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String month,
            Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unit(actor, unitId);
        YearMonth shown = month == null ? YearMonth.now(clock.withZone(Zones.CHINA))
                : YearMonth.from(RosterApi.month(month, clock));
        model.addAttribute("unit", unit);
        model.addAttribute("month", shown);
        model.addAttribute("canManage", units.canManageDutyWork(actor, unit.id()));
        Optional<Roster> roster = rosters.find(actor, unit.id(), shown.atDay(1));
        roster.ifPresent(r -> addRoster(actor, r, model));
        model.addAttribute("staff", staff.rosterable(unit.id()));
        model.addAttribute("holidays", calendar.holidays(shown.getYear()).stream()
                .filter(h -> !h.lastDay().isBefore(shown.atDay(1)) && !h.firstDay().isAfter(shown.atEndOfMonth()))
                .toList());
        return "roster/month";
    }

    /** Fills one holiday's days only (节假日排班), the rest of the month as it is. */
    @PostMapping("/roster/period-solving")
    String solvePeriod(@RequestParam UUID unitId, @RequestParam String month, @RequestParam LocalDate firstDay,
            @RequestParam LocalDate lastDay, @RequestParam String name, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/roster?unitId=" + unitId + "&month=" + month, () -> {
            Rosters.SubtreeResult result = rosters.solvePeriod(CurrentActor.require(), unitId, firstDay, lastDay);
            return "已排" + name + "期间（" + firstDay.getMonthValue() + "月" + firstDay.getDayOfMonth() + "日至"
                    + lastDay.getMonthValue() + "月" + lastDay.getDayOfMonth() + "日）" + result.positions() + " 个岗位"
                    + (result.hardScore() == 0 && result.mediumScore() == 0 ? "，全部符合规定"
                            : "，仍有 " + (-result.hardScore() - result.mediumScore()) + " 处需人工处理");
        });
    }

    /** The grid and the rules it breaks, refreshed after each change. */
    @GetMapping("/roster/{id}/grid")
    String grid(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Roster roster = rosters.get(actor, id);
        model.addAttribute("canManage", units.canManageDutyWork(actor, roster.unitId()));
        model.addAttribute("staff", staff.rosterable(roster.unitId()));
        addRoster(actor, roster, model);
        return "roster/month :: workspace";
    }

    @PostMapping("/roster")
    String create(@RequestParam UUID unitId, @RequestParam String month, RedirectAttributes redirect) {
        rosters.create(CurrentActor.require(), unitId, RosterApi.month(month, clock));
        redirect.addFlashAttribute("notice", "已按班次设置生成 " + month + " 值班表，请排班或使用自动排班");
        return "redirect:/roster?unitId=" + unitId + "&month=" + month;
    }

    /** Assigns (or empties) a position; answers with the refreshed workspace. */
    @PostMapping("/roster/slots/{slotId}")
    String assign(@PathVariable UUID slotId, @RequestParam(required = false) UUID personId, Model model,
            HttpServletResponse response) {
        Actor actor = CurrentActor.require();
        Roster roster = rosters.assign(actor, slotId, personId);
        model.addAttribute("canManage", true);
        model.addAttribute("staff", staff.rosterable(roster.unitId()));
        addRoster(actor, roster, model);
        return "roster/month :: workspace";
    }

    @PostMapping("/roster/{id}/solving")
    String solve(@PathVariable UUID id, Model model) {
        model.addAttribute("progress", rosters.startSolving(CurrentActor.require(), id));
        model.addAttribute("rosterId", id);
        return "roster/fragments :: progress";
    }

    /** Polled every second while solving; when done, tells the page to reload the grid. */
    @GetMapping("/roster/{id}/solving")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        SolveProgress progress = rosters.progress(CurrentActor.require(), id).orElse(null);
        if (progress != null && progress.finished()) {
            response.setHeader("HX-Trigger", "roster-changed");
        }
        model.addAttribute("progress", progress);
        model.addAttribute("rosterId", id);
        return "roster/fragments :: progress";
    }

    @DeleteMapping("/roster/{id}/solving")
    String stop(@PathVariable UUID id, Model model) {
        rosters.stopSolving(CurrentActor.require(), id);
        return progress(id, model, null);
    }

    @PostMapping("/roster/{id}/publication")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        Roster roster = rosters.get(actor, id);
        return Refusals.change(redirect, "/roster?unitId=" + roster.unitId() + "&month=" + YearMonth.from(roster.month()),
                () -> {
                    rosters.publish(actor, id);
                    return "值班表已发布";
                });
    }

    @GetMapping("/roster/xlsx")
    ResponseEntity<byte[]> export(@RequestParam UUID unitId, @RequestParam String month) {
        YearMonth shown = YearMonth.from(RosterApi.month(month, clock));
        Unit unit = units.get(CurrentActor.require(), unitId);
        return Downloads.xlsx(unit.name() + "-" + shown.getYear() + "年" + shown.getMonthValue() + "月值班表.xlsx",
                spreadsheets.export(CurrentActor.require(), unitId, shown));
    }

    @PostMapping("/roster/xlsx")
    String importSheet(@RequestParam UUID unitId, @RequestParam String month,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        YearMonth shown = YearMonth.from(RosterApi.month(month, clock));
        return Refusals.change(redirect, "/roster?unitId=" + unitId + "&month=" + shown, () -> {
            if (file == null || file.isEmpty()) {
                throw ZhibanException.invalidField("file", "请选择要导入的 .xlsx 文件");
            }
            try (InputStream content = file.getInputStream()) {
                RosterSpreadsheets.ImportResult result = spreadsheets.importSheet(CurrentActor.require(), unitId,
                        shown, content);
                return "已导入 " + result.rows() + " 行，调整 " + result.changedPositions() + " 个岗位；请核对规则检查后发布";
            }
            catch (IOException e) {
                throw ZhibanException.invalidField("file", "文件读取失败，请重新上传");
            }
        });
    }

    @PostMapping("/roster/{id}/reopening")
    String reopen(@PathVariable UUID id, RedirectAttributes redirect) {
        Roster roster = rosters.reopen(CurrentActor.require(), id);
        redirect.addFlashAttribute("notice", "值班表已撤回为草稿");
        return "redirect:/roster?unitId=" + roster.unitId() + "&month=" + YearMonth.from(roster.month());
    }

    @GetMapping("/on-duty")
    String onDuty(@RequestParam(required = false) UUID unitId, @RequestParam(defaultValue = "1") int page,
            Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unit(actor, unitId);
        model.addAttribute("unit", unit);
        model.addAttribute("here", onDuty.of(actor, unit.id(), clock.instant(), false));
        Page.requireRequest(page, ON_DUTY_PAGE);
        OnDuty.Subordinates below = onDuty.subordinates(actor, unit.id(), clock.instant(), ON_DUTY_PAGE);
        model.addAttribute("below", below);
        model.addAttribute("children", Page.of(below.children(), page, ON_DUTY_PAGE));
        model.addAttribute("pageBase", "/on-duty?unitId=" + unit.id() + "&page=");
        return "roster/on-duty";
    }

    private void addRoster(Actor actor, Roster roster, Model model) {
        List<Violation> violations = rosters.check(actor, roster.id());
        Set<UUID> hardShifts = new HashSet<>();
        Set<UUID> softShifts = new HashSet<>();
        violations.forEach(v -> (v.hard() ? hardShifts : softShifts).addAll(v.shiftIds()));
        // A position whose holder is on leave that day: to be swapped (a published roster) or changed (a draft).
        Set<String> onLeave = new HashSet<>();
        violations.stream().filter(v -> v.rule() == RosterRule.UNAVAILABLE)
                .forEach(v -> v.shiftIds().forEach(shift -> onLeave.add(shift + ":" + v.personId())));
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        roster.shifts().forEach(s -> days.computeIfAbsent(s.day(), calendar::day));
        Map<UUID, Long> counts = new HashMap<>();
        roster.shifts().forEach(s -> s.positions().stream().filter(p -> p.personId() != null)
                .forEach(p -> counts.merge(p.personId(), 1L, Long::sum)));
        int officerColumns = roster.shifts().stream().mapToInt(Roster.Shift::officersRequired).max().orElse(1);
        model.addAttribute("roster", roster);
        model.addAttribute("violations", violations);
        model.addAttribute("hardCount", violations.stream().filter(Violation::hard).count());
        model.addAttribute("hardShifts", hardShifts);
        model.addAttribute("softShifts", softShifts);
        model.addAttribute("onLeave", onLeave);
        model.addAttribute("days", days);
        model.addAttribute("counts", counts);
        model.addAttribute("officerColumns", officerColumns);
    }

    private Unit unit(Actor actor, UUID unitId) {
        if (unitId != null) {
            return units.get(actor, unitId);
        }
        return units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
    }
}

package org.zhiban.roster.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.calendar.HolidayPeriod;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.roster.FilingStatus;
import org.zhiban.roster.HolidayFiling;
import org.zhiban.roster.HolidayFilings;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * 节假日报备: the unit's own holiday roster filings with their deadlines and articles, and — for a superior — each
 * subordinate's filing for a chosen holiday: filed on time, late, missing, or not yet due.
 */
@Controller
class FilingController {

    private final HolidayFilings filings;
    private final Units units;
    private final UnitTree unitTree;
    private final Clock clock;

    FilingController(HolidayFilings filings, Units units, UnitTree unitTree, Clock clock) {
        this.filings = filings;
        this.units = units;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping("/roster/filings")
    String filings(@RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate holiday,
            Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unitId != null ? units.get(actor, unitId) : units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
        List<HolidayPeriod> holidays = filings.recentAndUpcoming();
        LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
        LocalDate chosen = holiday != null ? holiday : holidays.stream().filter(h -> !h.lastDay().isBefore(today))
                .map(HolidayPeriod::firstDay).findFirst()
                .orElse(holidays.isEmpty() ? null : holidays.get(holidays.size() - 1).firstDay());
        model.addAttribute("unit", unit);
        model.addAttribute("canManage", units.canManageDutyWork(actor, unit.id()));
        model.addAttribute("own", filings.ofUnit(actor, unit.id()));
        model.addAttribute("holidays", holidays);
        model.addAttribute("chosen", chosen);
        boolean superior = !unitTree.children(unit.id()).isEmpty();
        List<HolidayFiling> below = superior && chosen != null ? filings.toSuperior(actor, unit.id(), chosen) : List.of();
        model.addAttribute("superior", superior);
        model.addAttribute("below", below);
        Map<FilingStatus, Long> counts = below.stream().collect(Collectors.groupingBy(HolidayFiling::status,
                Collectors.counting()));
        model.addAttribute("counts", counts);
        return "roster/filings";
    }

    @PostMapping("/roster/filings")
    String file(@RequestParam UUID unitId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate holiday,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, "/roster/filings?unitId=" + unitId, () -> {
            HolidayFiling filing = filings.file(CurrentActor.require(), unitId, holiday);
            return filing.holidayName() + "值班表已报备" + (filing.status() == FilingStatus.LATE ? "（已逾期）" : "");
        });
    }
}

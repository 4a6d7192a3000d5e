package org.zhiban.roster.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.DutyStaffMember;
import org.zhiban.roster.Rosters;
import org.zhiban.roster.Swap;
import org.zhiban.roster.Swaps;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * 调班: the unit's swap requests with what each person may do next (answer, approve, withdraw), a form to ask for
 * one, and the changes the month's roster went through.
 */
@Controller
class SwapController {

    private final Swaps swaps;
    private final Rosters rosters;
    private final DutyStaff staff;
    private final Units units;
    private final Clock clock;

    SwapController(Swaps swaps, Rosters rosters, DutyStaff staff, Units units, Clock clock) {
        this.swaps = swaps;
        this.rosters = rosters;
        this.staff = staff;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/roster/swaps")
    String swaps(@RequestParam UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, unitId);
        UUID me = swaps.personOf(actor);
        List<DutyStaffMember> members = staff.of(actor, unitId);
        boolean canManage = units.canManageDutyWork(actor, unitId);
        boolean onStaff = members.stream().anyMatch(m -> m.personId().equals(me));
        model.addAttribute("unit", unit);
        model.addAttribute("me", me);
        model.addAttribute("canManage", canManage);
        model.addAttribute("isLeader", actor.has(Role.LEADER_ON_DUTY));
        model.addAttribute("swaps", swaps.ofUnit(actor, unitId));
        model.addAttribute("members", members);
        model.addAttribute("requesters", canManage ? members : members.stream()
                .filter(m -> m.personId().equals(me)).toList());
        model.addAttribute("myPositions", onStaff ? swaps.upcomingPositions(actor, me) : List.of());
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA));
        model.addAttribute("history", Stream.of(month, month.plusMonths(1))
                .flatMap(m -> rosters.find(actor, unitId, m.atDay(1)).stream())
                .flatMap(r -> swaps.history(actor, r.id()).stream())
                .sorted(Comparator.comparing(Swaps.PositionChange::changedAt).reversed()).toList());
        return "roster/swaps";
    }

    /** The shifts a person can still swap, as options for the form's selects. */
    @GetMapping("/roster/swaps/positions")
    String positions(@RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID counterpartId, @RequestParam(defaultValue = "false") boolean optional,
            Model model) {
        UUID whose = personId != null ? personId : counterpartId;
        model.addAttribute("positions", whose == null ? List.of()
                : swaps.upcomingPositions(CurrentActor.require(), whose));
        model.addAttribute("optional", optional);
        return "roster/fragments :: positions";
    }

    @PostMapping("/roster/swaps")
    String request(@RequestParam UUID unitId, @RequestParam(required = false) UUID slotId,
            @RequestParam(required = false) UUID counterpartId, @RequestParam(required = false) UUID counterpartSlotId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            Swap swap = swaps.request(CurrentActor.require(), new Swaps.SwapRequest(slotId, counterpartId,
                    counterpartSlotId, reason));
            return "已提交调班申请，待" + swap.counterpartName() + "同意";
        });
    }

    @PostMapping("/roster/swaps/{id}/{step}")
    String step(@PathVariable UUID id, @PathVariable String step, @RequestParam UUID unitId,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            Actor actor = CurrentActor.require();
            Swap swap = switch (step) {
                case "acceptance" -> swaps.accept(actor, id);
                case "declination" -> swaps.decline(actor, id, note);
                case "approval" -> swaps.approve(actor, id);
                case "rejection" -> swaps.reject(actor, id, note);
                case "cancellation" -> swaps.cancel(actor, id);
                default -> throw ZhibanException.notFound("NOT_FOUND", "没有这项操作：" + step);
            };
            return swap.summary() + "：" + swap.status().label();
        });
    }

    private static String page(UUID unitId) {
        return "/roster/swaps?unitId=" + unitId;
    }
}

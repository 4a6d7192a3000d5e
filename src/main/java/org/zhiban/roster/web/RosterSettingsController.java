package org.zhiban.roster.web;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.organization.People;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.DutyRole;
import org.zhiban.roster.DutyStaff;
import org.zhiban.roster.DutyStaffMember;
import org.zhiban.roster.ShiftPatterns;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.ZhibanException;

/**
 * 值班设置: a unit's shift pattern, who of its people stand duty (leader on duty or duty officer, part-time, pre-duty
 * training), and who cannot on which days. A refused change comes back as a message naming the rule and article.
 */
@Controller
class RosterSettingsController {

    private final ShiftPatterns patterns;
    private final DutyStaff staff;
    private final People people;
    private final Units units;
    private final DutyPolicies policies;

    RosterSettingsController(ShiftPatterns patterns, DutyStaff staff, People people, Units units,
            DutyPolicies policies) {
        this.patterns = patterns;
        this.staff = staff;
        this.people = people;
        this.units = units;
        this.policies = policies;
    }

    @GetMapping("/roster/settings")
    String settings(@RequestParam UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, unitId);
        List<ShiftPatterns.ShiftDefinition> pattern = new ArrayList<>(patterns.of(actor, unitId));
        Map<UUID, DutyStaffMember> members = staff.of(actor, unitId).stream()
                .collect(Collectors.toMap(DutyStaffMember::personId, Function.identity()));
        model.addAttribute("unit", unit);
        model.addAttribute("canManage", units.canManageDutyWork(actor, unitId));
        model.addAttribute("pattern", pattern);
        model.addAttribute("blankRows", ShiftPatternsForm.MAX_ROWS - pattern.size());
        model.addAttribute("people", people.inUnit(actor, unitId));
        model.addAttribute("members", members);
        model.addAttribute("unavailability", staff.unavailability(actor, unitId));
        model.addAttribute("minShift", policies.effective(unitId).rule(RuleKey.SHIFT_MIN_DURATION).orElse(null));
        return "roster/settings";
    }

    @PostMapping("/roster/settings/pattern")
    String pattern(@RequestParam UUID unitId, @RequestParam(required = false) String preset,
            @RequestParam(name = "name", required = false) List<String> names,
            @RequestParam(name = "start", required = false) List<String> starts,
            @RequestParam(name = "hours", required = false) List<String> hours,
            @RequestParam(name = "officers", required = false) List<String> officers, RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            List<ShiftPatterns.ShiftDefinition> shifts = switch (preset == null ? "" : preset) {
                case "one" -> ShiftPatterns.ONE_SHIFT;
                case "two" -> ShiftPatterns.DAY_AND_NIGHT;
                default -> ShiftPatternsForm.read(names, starts, hours, officers);
            };
            patterns.replace(CurrentActor.require(), unitId, shifts);
            return "班次设置已保存；此后生成的月份按新班次排班，已生成的月份不变";
        });
    }

    @PostMapping("/roster/settings/staff")
    String staff(@RequestParam UUID unitId, @RequestParam UUID personId, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "false") boolean partTime, @RequestParam(required = false) String trainedOn,
            RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            Actor actor = CurrentActor.require();
            if (role == null || role.isBlank()) {
                staff.remove(actor, personId);
                return "已从值班人员中移除";
            }
            DutyStaffMember member = staff.put(actor, personId, role(role), partTime,
                    date("trainedOn", trainedOn));
            return member.name() + "：" + member.role().label() + "，已保存";
        });
    }

    @PostMapping("/roster/settings/unavailability")
    String unavailable(@RequestParam UUID unitId, @RequestParam UUID personId,
            @RequestParam(required = false) String firstDay, @RequestParam(required = false) String lastDay,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            DutyStaff.LeaveRecorded recorded = staff.markUnavailable(CurrentActor.require(), personId,
                    date("firstDay", firstDay), date("lastDay", lastDay), reason);
            // Flashed as lines: the session keeps plain strings, not domain records.
            redirect.addFlashAttribute("shiftsToSwap", recorded.shiftsToSwap().stream()
                    .map(DutyStaff.ShiftToSwap::toSwapLine).toList());
            return recorded.notice();
        });
    }

    @PostMapping("/roster/settings/unavailability/{id}/removal")
    String available(@PathVariable UUID id, @RequestParam UUID unitId, RedirectAttributes redirect) {
        return Refusals.change(redirect, page(unitId), () -> {
            staff.removeUnavailability(CurrentActor.require(), id);
            return "已撤销";
        });
    }

    private static String page(UUID unitId) {
        return "/roster/settings?unitId=" + unitId;
    }

    private static DutyRole role(String value) {
        try {
            return DutyRole.valueOf(value);
        }
        catch (IllegalArgumentException e) {
            throw ZhibanException.invalidField("role", "值班岗位应为带班领导或值班员");
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            throw ZhibanException.invalidField(field, "日期格式应为 YYYY-MM-DD");
        }
    }

    /** The pattern form: up to four rows of name, start (HH:mm), hours (decimal) and officers; blank rows ignored. */
    static final class ShiftPatternsForm {

        static final int MAX_ROWS = 4;

        private ShiftPatternsForm() {
        }

        static List<ShiftPatterns.ShiftDefinition> read(List<String> names, List<String> starts, List<String> hours,
                List<String> officers) {
            List<ShiftPatterns.ShiftDefinition> shifts = new ArrayList<>();
            int rows = names == null ? 0 : names.size();
            for (int i = 0; i < rows; i++) {
                if (names.get(i) == null || names.get(i).isBlank()) {
                    continue;
                }
                String name = names.get(i).trim();
                LocalTime start;
                Duration length;
                int count;
                try {
                    start = LocalTime.parse(at(starts, i));
                }
                catch (DateTimeParseException e) {
                    throw ZhibanException.invalidField("start", name + "：开始时间格式应为 HH:mm，如 08:30");
                }
                try {
                    length = Duration.ofMinutes(Math.round(Double.parseDouble(at(hours, i)) * 60));
                    count = Integer.parseInt(at(officers, i));
                }
                catch (NumberFormatException e) {
                    throw ZhibanException.invalidField("hours", name + "：时长（小时）与值班员人数应为数字");
                }
                shifts.add(new ShiftPatterns.ShiftDefinition(name, start, length, count));
            }
            return shifts;
        }

        private static String at(List<String> values, int i) {
            return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).trim();
        }
    }
}

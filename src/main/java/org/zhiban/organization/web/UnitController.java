package org.zhiban.organization.web;

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
import org.zhiban.organization.People;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.ZhibanException;

/** Pages to browse the unit tree, search it, and view and edit units. */
@Controller
class UnitController {

    private final Units units;
    private final People people;

    UnitController(Units units, People people) {
        this.units = units;
        this.people = people;
    }

    @ModelAttribute("kinds")
    UnitKind[] kinds() {
        return UnitKind.values();
    }

    @ModelAttribute("levels")
    UnitLevel[] levels() {
        return UnitLevel.values();
    }

    @GetMapping("/units")
    String index(@RequestParam(required = false) String q, Model model) {
        Actor actor = CurrentActor.require();
        units.requireDirectoryAccess(actor);
        model.addAttribute("roots", units.scopeRoots(actor));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("unitResults", units.search(actor, q));
            model.addAttribute("personResults", people.search(actor, q));
        }
        return "organization/units";
    }

    /** The children of a unit in the tree, loaded when a node is opened. */
    @GetMapping("/units/{id}/tree")
    String tree(@PathVariable UUID id, Model model) {
        model.addAttribute("nodes", units.children(CurrentActor.require(), id));
        return "organization/tree :: nodes";
    }

    @GetMapping("/units/{id}")
    String show(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("path", units.visiblePath(actor, id));
        model.addAttribute("children", units.children(actor, id));
        model.addAttribute("people", people.inUnit(actor, id));
        model.addAttribute("summary", units.summary(actor, id));
        model.addAttribute("canManage", units.canManage(actor, id));
        return "organization/unit";
    }

    @GetMapping("/units/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, id);
        if (!units.canManage(actor, id)) {
            throw ZhibanException.forbidden("FORBIDDEN", "无权修改该单位");
        }
        model.addAttribute("unit", unit);
        model.addAttribute("form", UnitCommand.from(unit));
        return "organization/unit-form";
    }

    @PostMapping("/units/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UnitCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return FormErrors.submit(result, () -> {
            units.update(actor, id, form);
            redirect.addFlashAttribute("notice", "单位信息已保存");
            return "redirect:/units/" + id;
        }).orElseGet(() -> {
            model.addAttribute("unit", units.get(actor, id));
            return "organization/unit-form";
        });
    }

    @GetMapping("/units/{id}/children/new")
    String newChild(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Unit parent = units.get(actor, id);
        if (!units.canManage(actor, id)) {
            throw ZhibanException.forbidden("FORBIDDEN", "无权在该单位下新建单位");
        }
        model.addAttribute("parent", parent);
        model.addAttribute("form", UnitCommand.under(id));
        return "organization/unit-form";
    }

    @PostMapping("/units/{id}/children")
    String createChild(@PathVariable UUID id, @Valid @ModelAttribute("form") UnitCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        UnitCommand command = new UnitCommand(id, form.name(), form.kind(), form.level(), form.dutyOfficeName(),
                form.dutyPhone(), form.fax(), form.address(), form.postcode(), null);
        return FormErrors.submit(result, () -> {
            Unit unit = units.create(actor, command);
            redirect.addFlashAttribute("notice", "已新建单位“" + unit.name() + "”");
            return "redirect:/units/" + unit.id();
        }).orElseGet(() -> {
            model.addAttribute("parent", units.get(actor, id));
            return "organization/unit-form";
        });
    }
}

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
import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.People;
import org.zhiban.organization.Person;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.PersonView;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.ZhibanException;

/** Pages to view, add and edit people, and to reveal a phone number (audited). */
@Controller
class PersonController {

    private final People people;
    private final Units units;

    PersonController(People people, Units units) {
        this.people = people;
        this.units = units;
    }

    @ModelAttribute("employmentTypes")
    EmploymentType[] employmentTypes() {
        return EmploymentType.values();
    }

    @ModelAttribute("directoryRoles")
    DirectoryRole[] directoryRoles() {
        return DirectoryRole.values();
    }

    @GetMapping("/people/{id}")
    String show(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        PersonView person = people.get(actor, id);
        model.addAttribute("person", person);
        model.addAttribute("unit", units.get(actor, person.unitId()));
        model.addAttribute("path", units.visiblePath(actor, person.unitId()));
        model.addAttribute("canManage", units.canManage(actor, person.unitId()));
        model.addAttribute("history", people.history(actor, id));
        return "organization/person";
    }

    /** Swaps a masked number for the full one; the reveal is audited by {@link People#revealPhones}. */
    @PostMapping("/people/{id}/phone-reveals")
    String reveal(@PathVariable UUID id, @RequestParam(defaultValue = "mobile") String field, Model model) {
        People.RevealedPhones phones = people.revealPhones(CurrentActor.require(), id);
        model.addAttribute("number", "officePhone".equals(field) ? phones.officePhone() : phones.mobile());
        return "organization/fragments :: revealed";
    }

    @GetMapping("/units/{unitId}/people/new")
    String newPerson(@PathVariable UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        model.addAttribute("unit", units.get(actor, unitId));
        if (!units.canManage(actor, unitId)) {
            throw ZhibanException.forbidden("FORBIDDEN", "无权在该单位添加人员");
        }
        model.addAttribute("form", PersonCommand.blank());
        return "organization/person-form";
    }

    @PostMapping("/units/{unitId}/people")
    String create(@PathVariable UUID unitId, @Valid @ModelAttribute("form") PersonCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        return FormErrors.submit(result, () -> {
            PersonView person = people.create(actor, unitId, form.withDirectoryRolesAsSent());
            redirect.addFlashAttribute("notice", "已添加人员“" + person.name() + "”");
            return "redirect:/units/" + unitId;
        }).orElseGet(() -> {
            model.addAttribute("unit", units.get(actor, unitId));
            return "organization/person-form";
        });
    }

    @GetMapping("/people/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Person person = people.getForEdit(actor, id);
        model.addAttribute("person", person);
        model.addAttribute("unit", units.get(actor, person.unitId()));
        model.addAttribute("form", PersonCommand.from(person));
        return "organization/person-form";
    }

    @PostMapping("/people/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") PersonCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        Person person = people.getForEdit(actor, id);
        return FormErrors.submit(result, () -> {
            people.update(actor, id, form.withDirectoryRolesAsSent());
            redirect.addFlashAttribute("notice", "人员信息已保存");
            return "redirect:/people/" + id;
        }).orElseGet(() -> {
            model.addAttribute("person", person);
            model.addAttribute("unit", units.get(actor, person.unitId()));
            return "organization/person-form";
        });
    }
}

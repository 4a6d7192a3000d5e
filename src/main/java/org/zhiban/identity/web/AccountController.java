package org.zhiban.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.zhiban.identity.Account;
import org.zhiban.identity.AccountCommand;
import org.zhiban.identity.Accounts;
import org.zhiban.identity.PasswordResets;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.Refusals;
import org.zhiban.shared.Role;

/** Pages to list accounts, create one, change its roles, unlock it and reset its password (or ask for the reset). */
@Controller
class AccountController {

    private final Accounts accounts;
    private final PasswordResets passwordResets;
    private final UnitTree unitTree;

    AccountController(Accounts accounts, PasswordResets passwordResets, UnitTree unitTree) {
        this.accounts = accounts;
        this.passwordResets = passwordResets;
        this.unitTree = unitTree;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping("/accounts")
    String list(Model model) {
        Actor actor = CurrentActor.require();
        List<Account> list = accounts.visibleTo(actor);
        model.addAttribute("accounts", list);
        model.addAttribute("unitNames", unitNames(list));
        return "identity/accounts";
    }

    @GetMapping("/accounts/{id}")
    String show(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.require();
        Account account = accounts.get(actor, id);
        model.addAttribute("account", account);
        model.addAttribute("reset", passwordResets.latestOf(actor, id).orElse(null));
        model.addAttribute("unit", account.unitId() == null ? null : unitTree.find(account.unitId()).orElse(null));
        model.addAttribute("person", account.personId() == null ? null
                : unitTree.findPerson(account.personId()).orElse(null));
        return "identity/account";
    }

    @GetMapping("/accounts/new")
    String newAccount(@RequestParam(required = false) UUID personId, Model model) {
        model.addAttribute("form", new AccountCommand(null, null, personId, null, EnumSet.of(Role.DUTY_OFFICER)));
        addPerson(personId, model);
        return "identity/account-form";
    }

    @PostMapping("/accounts")
    String create(@Valid @ModelAttribute("form") AccountCommand form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        return FormErrors.submit(result, () -> {
            Account account = accounts.create(CurrentActor.require(), form);
            redirect.addFlashAttribute("notice", "已新建账号“" + account.username() + "”");
            return "redirect:/accounts/" + account.id();
        }).orElseGet(() -> {
            addPerson(form.personId(), model);
            return "identity/account-form";
        });
    }

    @PostMapping("/accounts/{id}/roles")
    String changeRoles(@PathVariable UUID id, @RequestParam(name = "roles", required = false) Set<Role> roles,
            RedirectAttributes redirect) {
        accounts.changeRoles(CurrentActor.require(), id, roles == null ? EnumSet.noneOf(Role.class) : roles);
        redirect.addFlashAttribute("notice", "角色已更新；该账号已登录的会话需重新登录");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        accounts.unlock(CurrentActor.require(), id);
        redirect.addFlashAttribute("notice", "账号已解锁");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(CurrentActor.require(), id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "账号已启用" : "账号已停用");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/password-resets")
    String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/accounts/" + id, () -> passwordResets.request(CurrentActor.require(), id,
                password)
                .map(pending -> "已提交重置申请：须由申请人和本人以外的另一名平台管理员在“密码重置审批”中批准后生效，"
                        + "在此之前原密码仍然有效")
                .orElse("密码已重置，请将新密码当面告知本人；其下次登录须先修改密码"));
    }

    private void addPerson(UUID personId, Model model) {
        if (personId != null) {
            unitTree.findPerson(personId).ifPresent(person -> {
                model.addAttribute("person", person);
                model.addAttribute("unit", unitTree.find(person.unitId()).orElse(null));
            });
        }
    }

    private Map<UUID, String> unitNames(List<Account> list) {
        Map<UUID, String> names = new LinkedHashMap<>();
        list.stream().map(Account::unitId).filter(Objects::nonNull).distinct()
                .forEach(id -> unitTree.find(id).map(Unit::name).ifPresent(name -> names.put(id, name)));
        return names;
    }
}

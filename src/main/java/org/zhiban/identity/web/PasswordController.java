package org.zhiban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.identity.Accounts;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;

/** Lets anyone signed in change their own password. */
@Controller
class PasswordController {

    private final Accounts accounts;

    PasswordController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordForm(null, null, null));
        return "identity/password";
    }

    @PostMapping("/account/password")
    String change(@ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes redirect) {
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmation())) {
            result.rejectValue("confirmation", "MISMATCH", "两次输入的新密码不一致");
        }
        return FormErrors.submit(result, () -> {
            accounts.changeOwnPassword(CurrentActor.require(), form.currentPassword(), form.newPassword());
            redirect.addFlashAttribute("notice", "密码已修改");
            return "redirect:/";
        }).orElse("identity/password");
    }

    record PasswordForm(String currentPassword, String newPassword, String confirmation) {
    }
}

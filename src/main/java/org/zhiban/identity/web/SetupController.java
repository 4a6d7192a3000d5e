package org.zhiban.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.identity.FirstAdministrator;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.ZhibanException;

/** The page of the one-time setup; it disappears once the first account exists. */
@Controller
class SetupController {

    private final FirstAdministrator firstAdministrator;

    SetupController(FirstAdministrator firstAdministrator) {
        this.firstAdministrator = firstAdministrator;
    }

    @GetMapping("/setup")
    String form(Model model) {
        requireNeeded();
        model.addAttribute("form", new SetupForm(null, null, null, null));
        return "identity/setup";
    }

    @PostMapping("/setup")
    String create(@ModelAttribute("form") SetupForm form, BindingResult result, RedirectAttributes redirect) {
        requireNeeded();
        return FormErrors.submit(result, () -> {
            firstAdministrator.create(form.code(), form.username(), form.displayName(), form.password());
            redirect.addAttribute("setup", "done");
            return "redirect:/login";
        }).orElse("identity/setup");
    }

    private void requireNeeded() {
        if (!firstAdministrator.isNeeded()) {
            throw ZhibanException.notFound("NOT_FOUND", "系统已初始化，请直接登录");
        }
    }

    record SetupForm(String code, String username, String displayName, String password) {
    }
}

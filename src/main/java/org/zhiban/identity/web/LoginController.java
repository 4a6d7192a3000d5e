package org.zhiban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.zhiban.identity.PasswordChanges;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.FormErrors;
import org.zhiban.shared.ZhibanException;

@Controller
class LoginController {

    private final PasswordChanges changes;

    LoginController(PasswordChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        if (CurrentActor.find().isPresent()) {
            return "redirect:/";
        }
        HttpSession session = request.getSession(false);
        if (request.getParameter("error") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("error", e.getMessage());
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        else if (request.getParameter("error") != null) {
            model.addAttribute("error", "用户名或密码错误");
        }
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("expired", request.getParameter("expired") != null);
        model.addAttribute("changed", request.getParameter("changed") != null);
        return "identity/login";
    }

    /** Where a login whose password someone else set leads: nothing else opens until a new one is chosen. */
    @GetMapping("/login/password-change")
    String changeForm(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(PasswordChanges.TYPED_USERNAME);
        model.addAttribute("form", new ChangeForm(username == null ? null : username.toString(), null, null, null));
        return "identity/password-change";
    }

    @PostMapping("/login/password-change")
    String change(@ModelAttribute("form") ChangeForm form, BindingResult result, HttpServletRequest request) {
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmation())) {
            result.rejectValue("confirmation", "MISMATCH", "两次输入的新密码不一致");
        }
        if (result.hasErrors()) {
            return "identity/password-change";
        }
        try {
            changes.change(form.username(), form.currentPassword(), form.newPassword(), "网页修改密码");
        }
        catch (ZhibanException refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            // A wrong current password, a lock or a weak new password: all shown on the form.
            FormErrors.apply(refused, result);
            return "identity/password-change";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PasswordChanges.TYPED_USERNAME);
        }
        return "redirect:/login?changed";
    }

    record ChangeForm(String username, String currentPassword, String newPassword, String confirmation) {
    }
}

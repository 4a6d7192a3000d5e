package org.zhiban.identity.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.identity.PasswordResets;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Refusals;

/** The platform administrators' page of pending password resets, where a third administrator approves or rejects. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/password-resets")
    String pending(Model model) {
        model.addAttribute("resets", resets.pending(CurrentActor.require()));
        return "identity/password-resets";
    }

    @PostMapping("/password-resets/{id}/approval")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/password-resets", () -> "已批准：" + resets.approve(CurrentActor.require(), id)
                .username() + " 的新密码已生效，其下次登录须先修改密码");
    }

    @PostMapping("/password-resets/{id}/rejection")
    String reject(@PathVariable UUID id, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/password-resets", () -> "已驳回：" + resets.reject(CurrentActor.require(), id)
                .username() + " 保留原密码");
    }
}

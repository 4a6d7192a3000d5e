package org.zhiban.shared;

import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page form's change: on success its message, on a refusal (bad input, or a conflict such as a rule the result
 * would break) the refusal's words, both shown on the page it returns to. Anything else is the error it is.
 */
public final class Refusals {

    private Refusals() {
    }

    public static String change(RedirectAttributes redirect, String returnTo, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        }
        catch (ZhibanException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.detail());
            if (e.fieldProblems().size() > 1) {
                redirect.addFlashAttribute("refusalItems", e.fieldProblems().stream()
                        .map(p -> p.field() + "：" + p.message()).limit(50).toList());
            }
        }
        return "redirect:" + returnTo;
    }
}

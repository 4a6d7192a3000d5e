package org.zhiban.shared;

import java.io.Serializable;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;
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
            // Bad input, a conflict, a file too large or of a refused kind: said on the page; anything else is not.
            if (e.status() != 400 && e.status() != 409 && e.status() != 413 && e.status() != 415) {
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

    /** A time the browser sent that is not one (typed by hand where the picker is missing) is named, not a 500. */
    public static void requireTimes(BindingResult binding) {
        if (binding.hasFieldErrors()) {
            throw ZhibanException.invalidField(binding.getFieldErrors().get(0).getField(), "时间格式应为 年-月-日 时:分");
        }
    }

    /**
     * A refused form comes back as it was typed, so that nothing has to be entered again; it rides in the stored
     * session across the redirect, hence serializable.
     */
    public static void keepOnRefusal(RedirectAttributes redirect, String name, Serializable form) {
        if (redirect.getFlashAttributes().containsKey("refusal")) {
            redirect.addFlashAttribute(name, form);
        }
    }
}

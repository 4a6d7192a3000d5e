package org.zhiban.shared;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Shows a business failure on a page form: next to the field it names, or above the form. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Runs a form's action when the form is valid. A business refusal about the input (400, 409, or 413 and 415 for a file) is shown
     * on the form and yields empty, so that the caller shows the form again; other failures propagate.
     *
     * @return the view the action chose, or empty when the form is to be shown again
     */
    public static Optional<String> submit(BindingResult result, Supplier<String> action) {
        if (result.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(action.get());
        }
        catch (ZhibanException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 413 && e.status() != 415) {
                throw e;
            }
            apply(e, result);
            return Optional.empty();
        }
    }

    public static void apply(ZhibanException e, BindingResult result) {
        if (e.fieldProblems().isEmpty()) {
            result.reject(e.code(), e.detail());
            return;
        }
        for (ZhibanException.FieldProblem problem : e.fieldProblems()) {
            try {
                result.rejectValue(problem.field(), e.code(), problem.message());
            }
            catch (NotReadablePropertyException notOnThisForm) {
                result.reject(e.code(), problem.message());
            }
        }
    }
}

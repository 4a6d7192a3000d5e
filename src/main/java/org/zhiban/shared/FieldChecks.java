package org.zhiban.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs every check of a request and refuses it once, naming every bad field: a person who left four fields empty
 * learns it from one answer, not from four. A check is any call that returns the field's value or throws a
 * {@link ZhibanException} naming the field; a refusal that names no field (no rights, a conflict) stops at once.
 */
public final class FieldChecks {

    private final List<ZhibanException.FieldProblem> problems = new ArrayList<>();

    /** The checked value, or null when the check failed (its problem is kept for {@link #done()}). */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        }
        catch (ZhibanException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            problems.addAll(e.fieldProblems());
            return null;
        }
    }

    /** A condition the request must meet, else the field's problem is kept. */
    public void require(boolean holds, String field, String message) {
        if (!holds) {
            problems.add(new ZhibanException.FieldProblem(field, message));
        }
    }

    /**
     * A text field, trimmed; null when blank. A required one left blank is a problem ("请填写" and its label), and so
     * is one longer than {@code max} characters.
     */
    public String text(String field, String value, String label, int max, boolean required) {
        String trimmed = value == null || value.isBlank() ? null : value.trim();
        require(!required || trimmed != null, field, "请填写" + label);
        require(trimmed == null || trimmed.length() <= max, field, label + "不超过 " + max + " 个字");
        return trimmed;
    }

    /** Refuses the request with every problem found, if any: 400 {@code VALIDATION_FAILED}. */
    public void done() {
        if (problems.size() == 1) {
            throw ZhibanException.invalidField(problems.get(0).field(), problems.get(0).message());
        }
        if (!problems.isEmpty()) {
            throw new ZhibanException(400, "VALIDATION_FAILED", problems.size() + " 处填写有误："
                    + problems.stream().map(ZhibanException.FieldProblem::message).collect(Collectors.joining("；")),
                    problems);
        }
    }
}
